// REQUIRES: tidy-module
// clang-tidy's suppression comments work on the escape-* checks.
// RUN: %tidy %s -- %std -Wno-return-stack-address 2>&1 | %FileCheck %s --implicit-check-not=warning:

int *sameLine() {
  int a = 0;
  return &a; // NOLINT
}

int *nextLine() {
  int b = 0;
  // NOLINTNEXTLINE(escape-return)
  return &b;
}

int *glob() {
  int c = 0;
  return &c; // NOLINT(escape-*)
}

// NOLINTBEGIN(escape-return)
int *range() {
  int d = 0;
  return &d;
}
// NOLINTEND(escape-return)

int *otherCheck() {
  int e = 0;
  // CHECK: nolint.cpp:[[@LINE+1]]:3: warning: address of local variable 'e'{{.*}} [escape-return]
  return &e; // NOLINT(bugprone-*)
}
// CHECK: Suppressed 4 warnings (4 NOLINT)
