// RUN: %not %escape %s -- %std | %FileCheck %s --implicit-check-not=warning:
// RUN: %not %escape --interprocedural %s -- %std | %FileCheck %s --implicit-check-not=warning:
// A call that, on every path before a local dies, overwrites the field the
// local's address was stored in undoes the store: jsoncpp's test macros link
// a stack node into a list and pop it again before the node's scope ends.
// The callee may be further down the call graph; a call that writes other
// fields, a call on only one path, or a call after the local died does not.

struct Node {
  Node *next = nullptr;
  int id = 0;
};

struct List {
  Node root;
  Node *tail = &root;
  void pop();
  void popThrough();
  void touch();
};

void List::pop() {
  Node *last = &root;
  while (last->next && last->next->next)
    last = last->next;
  last->next = nullptr;
  tail = last;
}
void List::popThrough() { pop(); }
void List::touch() { root.id++; }
void work();

struct Runner {
  List *list;
  void popped() {
    Node n;
    list->tail->next = &n;
    list->tail = &n;
    work();
    list->pop();
  }
  void poppedInMacroShape(int k) {
    do {
      Node n;
      list->tail->next = &n;
      list->tail = &n;
      work();
      list->popThrough();
    } while (0);
    work();
  }
  void touched() {
    Node n;
    // CHECK: call-undoes-store.cpp:[[@LINE+1]]:5: warning: address of local variable 'n' is stored in member 'list->tail' of '*this'; 'n' is destroyed when 'Runner::touched' returns [escape-member]
    list->tail = &n;
    list->touch();
  }
  void poppedOnOnePath(bool b) {
    Node n;
    // CHECK: call-undoes-store.cpp:[[@LINE+1]]:5: warning: address of local variable 'n' is stored in member 'list->tail' of '*this'; 'n' is destroyed when 'Runner::poppedOnOnePath' returns [escape-member]
    list->tail = &n;
    if (b)
      list->pop();
  }
  void poppedAfterDeath() {
    {
      Node n;
      // CHECK: call-undoes-store.cpp:[[@LINE+1]]:7: warning: address of local variable 'n' is stored in member 'list->tail' of '*this'; 'n' is destroyed at the end of its scope [escape-member]
      list->tail = &n;
    }
    list->pop();
  }
  void returnsBeforePop(bool b) {
    Node n;
    // CHECK: call-undoes-store.cpp:[[@LINE+1]]:5: warning: address of local variable 'n' is stored in member 'list->tail' of '*this'; 'n' is destroyed when 'Runner::returnsBeforePop' returns [escape-member]
    list->tail = &n;
    if (b)
      return;
    list->pop();
  }
};

void outParam(List *l) {
  Node n;
  l->tail = &n;
  l->pop();
}
void outParamKept(List *l) {
  Node n;
  // CHECK: call-undoes-store.cpp:[[@LINE+1]]:3: warning: address of local variable 'n' is stored in 'l->tail' through parameter 'l'; 'n' is destroyed when 'outParamKept' returns [escape-outparam]
  l->tail = &n;
}

struct Registry {
  Node *head = nullptr;
};
Registry registry;
void clearRegistry() { registry.head = nullptr; }
void registered() {
  Node n;
  registry.head = &n;
  work();
  clearRegistry();
}
void registeredKept() {
  Node n;
  // CHECK: call-undoes-store.cpp:[[@LINE+1]]:3: warning: address of local variable 'n' is stored in global 'registry'; 'n' is destroyed when 'registeredKept' returns [escape-global]
  registry.head = &n;
  work();
}

// The same for a global variable and for a member of *this.
int *g_ptr;
void clearGlobal() { g_ptr = nullptr; }
void other() {}
void cleared() {
  int x = 0;
  g_ptr = &x;
  work();
  clearGlobal();
}
void notCleared() {
  int x = 0;
  // CHECK: call-undoes-store.cpp:[[@LINE+1]]:3: warning: address of local variable 'x' is stored in global 'g_ptr'; 'x' is destroyed when 'notCleared' returns [escape-global]
  g_ptr = &x;
  work();
  other();
}
struct Counter {
  int *current = nullptr;
  void clear() { current = nullptr; }
  void count() {
    int n = 0;
    current = &n;
    work();
    clear();
  }
  void countKept() {
    int n = 0;
    // CHECK: call-undoes-store.cpp:[[@LINE+1]]:5: warning: address of local variable 'n' is stored in member 'current' of '*this'; 'n' is destroyed when 'Counter::countKept' returns [escape-member]
    current = &n;
    work();
  }
};

// A global nothing reads keeps nothing anyone can use: this one is read.
int readGlobal() { return *g_ptr; }
