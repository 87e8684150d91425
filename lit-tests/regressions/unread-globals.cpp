// RUN: %not %escape --interprocedural=false %s -- %std | %FileCheck %s --implicit-check-not=warning:
// RUN: %not %escape --interprocedural %s -- %std | %FileCheck %s --check-prefixes=CHECK,IPA --implicit-check-not=warning:
// A global nothing in the program reads cannot hand a stored address to
// anyone: re2 sets `hooks::context = this` before each match and only user
// hooks (none in the program) would read it. Such a dead store is not an
// escape. Any other use of the global is a read and keeps the finding: a
// load in another function, taking its address, passing it to a function,
// binding a reference to it, a compound assignment.
// One file alone is not the whole program: a global other units can name
// (external linkage) is judged only in a run over the whole database
// (program/unread-globals.test); here the unread ones have internal linkage.

void work();

// Written, never read: no finding.
static int *unread;
void storeUnread() {
  int x = 0;
  unread = &x;
  work();
}

// Through a callee: the callee's summary does not leak to the global.
namespace {
const void *context;
}
struct Matcher {
  int state = 0;
  void match() { context = this; }
};
void callUnread() {
  Matcher m;
  m.match();
}
void callUnreadTemporary() { Matcher().match(); }

// A thread_local static member set from a method called on a local (of a
// class only this unit can name).
namespace {
struct Hooked {
  static thread_local const Hooked *ctx;
  void run() { Hooked::ctx = this; }
  void runQualified() { ctx = this; }
};
thread_local const Hooked *Hooked::ctx = nullptr;
} // namespace
void hooked() {
  Hooked h;
  h.run();
  h.runQualified();
}

// Read in some other function: the finding stays.
int *readElsewhere;
int useReadElsewhere() { return *readElsewhere; }
void storeReadElsewhere() {
  int x = 0;
  // CHECK: unread-globals.cpp:[[@LINE+1]]:3: warning: address of local variable 'x' is stored in global 'readElsewhere'
  readElsewhere = &x;
}

// Its address is taken: it can be read through the pointer.
int *addressTaken;
int **addressOfIt() { return &addressTaken; }
void storeAddressTaken() {
  int x = 0;
  // CHECK: unread-globals.cpp:[[@LINE+1]]:3: warning: address of local variable 'x' is stored in global 'addressTaken'
  addressTaken = &x;
}

// Passed to a function.
int *passed;
void consume(int *);
void passIt() { consume(passed); }
void storePassed() {
  int x = 0;
  // CHECK: unread-globals.cpp:[[@LINE+1]]:3: warning: address of local variable 'x' is stored in global 'passed'
  passed = &x;
}

// A reference bound to it.
int *bound;
void bindIt() {
  int *&r = bound;
  (void)r;
}
void storeBound() {
  int x = 0;
  // CHECK: unread-globals.cpp:[[@LINE+1]]:3: warning: address of local variable 'x' is stored in global 'bound'
  bound = &x;
}

// A compound assignment reads the old value.
int *stepped;
void stepIt() { stepped += 1; }
void storeStepped() {
  int x = 0;
  // CHECK: unread-globals.cpp:[[@LINE+1]]:3: warning: address of local variable 'x' is stored in global 'stepped'
  stepped = &x;
}

// Read by a namespace-scope initializer.
int *readByInit;
int *copyOfIt = readByInit;
void storeReadByInit() {
  int x = 0;
  // CHECK: unread-globals.cpp:[[@LINE+1]]:3: warning: address of local variable 'x' is stored in global 'readByInit'
  readByInit = &x;
}

// Read through a callee with summaries: the global is read elsewhere.
const void *current;
const void *whoIsCurrent() { return current; }
struct Registered {
  int state = 0;
  void enter() { current = this; }
};
void callRead() {
  Registered r;
  // IPA: unread-globals.cpp:[[@LINE+1]]:3: warning: address of local variable 'r' is stored in global 'current'
  r.enter();
}

// Read nowhere in this file, but other units could read it: reported here.
int *externallyVisible;
void storeExternallyVisible() {
  int x = 0;
  // CHECK: unread-globals.cpp:[[@LINE+1]]:3: warning: address of local variable 'x' is stored in global 'externallyVisible'
  externallyVisible = &x;
}

// A static local only its function can name: judged in one file too.
void storeStaticLocal() {
  static int *last;
  int x = 0;
  last = &x;
}
