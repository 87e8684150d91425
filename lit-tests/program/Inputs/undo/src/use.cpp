#include "list.h"
void work();
void popped(List *l) {
  Node n;
  l->tail->next = &n;
  l->tail = &n;
  work();
  l->pop();
}
void touched(List *l) {
  Node n;
  l->tail = &n;
  l->touch();
}
