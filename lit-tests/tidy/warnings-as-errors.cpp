// REQUIRES: tidy-module
// -warnings-as-errors turns the findings into errors and the exit code into 1.
// RUN: %expect-exit 1 %tidy -warnings-as-errors='escape-*' %s -- %std > %t.out 2>&1
// RUN: %FileCheck %s < %t.out
// CHECK: warnings-as-errors.cpp:[[@LINE+6]]:3: error: address of local variable 'x'{{.*}} [escape-return,-warnings-as-errors]
// CHECK: 1 warning treated as error
// Without it, findings are warnings and clang-tidy exits 0.
// RUN: %expect-exit 0 %tidy %s -- %std
int *f() {
  int x = 0;
  return &x;
}
