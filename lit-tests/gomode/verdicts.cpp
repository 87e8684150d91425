// RUN: %cxx-escape -m %s -- %std | %FileCheck %s --implicit-check-not={{[0-9]}}:
// RUN: %cxx-escape --mode=go %s -- %std | %FileCheck %s --implicit-check-not={{[0-9]}}:
// Go mode prints Go's verdicts at Go's positions: variables at their
// declaration, parameters at their name, allocations and lambdas where they
// are written. Every line of output is checked (--implicit-check-not).

int *gp;

// CHECK: verdicts.cpp:[[@LINE+1]]:18: moved to heap: x
int *retAddr(int x) { return &x; }

// CHECK: verdicts.cpp:[[@LINE+1]]:21: leaking param: p
void leakParam(int *p) { gp = p; }

// CHECK: verdicts.cpp:[[@LINE+1]]:24: leaking param content: pp
void leakContent(int **pp) { gp = *pp; }

// CHECK: verdicts.cpp:[[@LINE+1]]:21: leaking param: p to result ~r0 level=0
int *leakToRet(int *p) { return p; }

// A pointer-free parameter gets no verdict; a pointer one that keeps
// nothing "does not escape".
// CHECK: verdicts.cpp:[[@LINE+1]]:26: p does not escape
int readOnly(int n, int *p) { return n + *p; }

int newSites() {
  // CHECK: verdicts.cpp:[[@LINE+1]]:12: new(int) does not escape
  int *p = new int(1);
  int r = *p;
  delete p;
  // CHECK: verdicts.cpp:[[@LINE+1]]:8: new(int) escapes to heap
  gp = new int(2);
  return r;
}

auto lambdas() {
  int local = 0;
  // CHECK: verdicts.cpp:[[@LINE+1]]:3: lambda does not escape
  [&local] { local = 1; }();
  // CHECK: verdicts.cpp:[[@LINE+1]]:7: moved to heap: counter
  int counter = 0;
  // CHECK: verdicts.cpp:[[@LINE+1]]:10: lambda escapes to heap
  return [&counter] { return ++counter; };
}

// Go's unknown callee: everything passed to a function pointer escapes.
// CHECK: verdicts.cpp:[[@LINE+1]]:25: f does not escape
void callUnknown(void (*f)(int *)) {
  // CHECK: verdicts.cpp:[[@LINE+1]]:7: moved to heap: y
  int y = 0;
  f(&y);
}

// A local whose address stays local prints nothing.
int quiet() {
  int z = 0;
  int *q = &z;
  return *q;
}

// Go stores into a global always escape, even when nothing reads the global
// (bug mode treats such a dead store as harmless; Go mode keeps Go's rule).
const void *unreadCtx;
struct Ctx {
  int n = 0;
  // CHECK: verdicts.cpp:[[@LINE+1]]:8: leaking param: this
  void enter() { unreadCtx = this; }
};
void storeInUnread() {
  // CHECK: verdicts.cpp:[[@LINE+1]]:7: moved to heap: w
  int w = 0;
  unreadCtx = &w;
}
