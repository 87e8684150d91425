// RUN: %cxx-escape -m=2 %s -- %std | %FileCheck %s --strict-whitespace
// -m=2: each verdict is preceded, at its own position, by the flow that
// caused it, in Go's format, quoting the source of each step.

int *gp;

int *retAddr() {
  // CHECK:      explain.cpp:[[@LINE+5]]:7: i escapes to heap:
  // CHECK-NEXT: explain.cpp:[[@LINE+4]]:7:   flow: ~r0 = &i:
  // CHECK-NEXT: explain.cpp:[[@LINE+3]]:7:     from &i (address-of) at {{.*}}explain.cpp:[[@LINE+4]]:10
  // CHECK-NEXT: explain.cpp:[[@LINE+2]]:7:     from return &i (return) at {{.*}}explain.cpp:[[@LINE+3]]:3
  // CHECK-NEXT: explain.cpp:[[@LINE+1]]:7: moved to heap: i
  int i = 0;
  return &i;
}

// CHECK:      explain.cpp:[[@LINE+4]]:21: parameter p leaks to {heap} with derefs=0:
// CHECK-NEXT: explain.cpp:[[@LINE+3]]:21:   flow: {heap} = p:
// CHECK-NEXT: explain.cpp:[[@LINE+2]]:21:     from gp = p (assign) at {{.*}}explain.cpp:[[@LINE+2]]:26
// CHECK-NEXT: explain.cpp:[[@LINE+1]]:21: leaking param: p
void leakParam(int *p) { gp = p; }
