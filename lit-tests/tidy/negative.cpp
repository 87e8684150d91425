// REQUIRES: tidy-module
// Code that keeps no address past its object's life: no finding at all (and
// no "no checks enabled" error, which would fail the RUN line).
// RUN: %tidy %s -- %std 2>&1 | %FileCheck %s --allow-empty --implicit-check-not=warning: --implicit-check-not=error:
// CHECK-NOT: [escape-
// Every negative case of the rule corpus is quiet too.
// RUN: %tidy %S/../rules/escape-return-negative.cpp %S/../rules/escape-global-negative.cpp \
// RUN:   %S/../rules/escape-scope-negative.cpp %S/../rules/escape-lambda-negative.cpp -- %std 2>&1 \
// RUN:   | %FileCheck %s --allow-empty --implicit-check-not=warning: --implicit-check-not=error:

static int Shared;
int *staticStorage() { return &Shared; }

int *heap() {
  int *p = new int(1);
  return p;
}

int copied() {
  int x = 1;
  int *p = &x;
  return *p;
}

int &passthrough(int &r) { return r; }
