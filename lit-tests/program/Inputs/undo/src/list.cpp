#include "list.h"
void List::push(Node *n) {
  tail->next = n;
  tail = n;
}
void List::pop() {
  Node *last = &root;
  while (last->next && last->next->next)
    last = last->next;
  last->next = nullptr;
  tail = last;
}
void List::touch() { root.id++; }
