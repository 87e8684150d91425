// RUN: %not %escape --interprocedural %s -- %std | %FileCheck %s --implicit-check-not=warning:
// An object that records itself in a global (or a global's field) while it
// lives and removes itself in its destructor leaves nothing dangling: the
// destructor is a call made before the object dies, and it writes the same
// global again. So does an assignment in the caller's own body. A destructor that writes something else, or a class with no
// destructor, still leaves the address behind.

struct Mock {
  static Mock *instance;
  Mock() { instance = this; }
  ~Mock() { instance = nullptr; }
};
Mock *Mock::instance;

struct Widget;
struct Registry {
  Widget *current = nullptr;
  int count = 0;
};
Registry registry;

struct Widget {
  Widget() { registry.current = this; }
  ~Widget() { registry.current = nullptr; }
};

struct Leaky {
  static Leaky *last;
  Leaky() { last = this; }
  ~Leaky() { registry.count = 0; }
};
Leaky *Leaky::last;

struct NoDestructor {
  static NoDestructor *last;
  NoDestructor() { last = this; }
};
NoDestructor *NoDestructor::last;

struct Scoped {
  static Scoped *active;
  void enter() { active = this; }
  void leave() { active = nullptr; }
  ~Scoped() { leave(); }
};
Scoped *Scoped::active;

int readAll() {
  return (Mock::instance != nullptr) + (registry.current != nullptr) +
         (Leaky::last != nullptr) + (NoDestructor::last != nullptr) +
         (Scoped::active != nullptr);
}

void work();

// Negative: registered by the constructor, cleared by the destructor.
void mocked() {
  Mock m;
  work();
}

// Negative: the same through a field of a global.
void widget() {
  Widget w;
  work();
}

// Negative: registered by a method, cleared by a callee of the destructor.
void scoped() {
  Scoped s;
  s.enter();
  work();
}

// Negative: in a loop, each object clears itself before the next.
void inLoop(int n) {
  for (int i = 0; i < n; ++i) {
    Mock m;
    work();
  }
}

// Positive: the destructor writes another global.
void leaky() {
  // CHECK: raii-register.cpp:[[@LINE+1]]:9: warning: {{.*}}'l'{{.*}} [escape-global]
  Leaky l;
  work();
}

// Positive: no destructor clears it.
void noDestructor() {
  // CHECK: raii-register.cpp:[[@LINE+1]]:16: warning: {{.*}}'n'{{.*}} [escape-global]
  NoDestructor n;
  work();
}

// What a callee stored is also undone by the caller's own assignment to the
// same global, made on every path before the local dies.
struct Node {
  Node *next = nullptr;
};
Node *head;
int readHead() { return head != nullptr; }
void push(Node *n) { head = n; }

// Negative: cleared on every path.
void pushedThenCleared(bool early) {
  Node n;
  push(&n);
  if (early) {
    head = nullptr;
    return;
  }
  work();
  head = nullptr;
}

// Positive: cleared on one path only.
void pushedClearedOnOnePath(bool clear) {
  Node n;
  // CHECK: raii-register.cpp:[[@LINE+1]]:3: warning: {{.*}}'n'{{.*}} [escape-global]
  push(&n);
  if (clear)
    head = nullptr;
}
