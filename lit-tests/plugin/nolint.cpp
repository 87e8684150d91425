// REQUIRES: clang-plugin
// The plugin honours clang-tidy's NOLINT, NOLINTNEXTLINE and
// NOLINTBEGIN/NOLINTEND comments.
// RUN: %clangxx -fsyntax-only %std -w -fplugin=%clang-plugin %s 2>&1 \
// RUN:   | %FileCheck %s --implicit-check-not=warning:

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

int *otherCheck() {
  int e = 0;
  // CHECK: nolint.cpp:[[@LINE+1]]:3: warning: address of local variable 'e'{{.*}} [escape-return]
  return &e; // NOLINT(bugprone-*)
}

// NOLINTBEGIN(escape-return)
int *inRange() {
  int f = 0;
  return &f;
}
// NOLINTEND(escape-return)

int *afterRange() {
  int h = 0;
  // CHECK: nolint.cpp:[[@LINE+1]]:3: warning: address of local variable 'h'{{.*}} [escape-return]
  return &h;
}
