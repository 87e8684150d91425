// REQUIRES: tidy-module
// Each check reports its own rule's findings where the CLI does, with the
// flow steps as notes; clang's own warnings are not enabled.
// RUN: %tidy %s -- %std 2>&1 | %FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:
// Only the selected check reports.
// RUN: %clang-tidy -load=%tidy-module -checks='-*,escape-global' %s -- %std 2>&1 \
// RUN:   | %FileCheck %s --check-prefix=GLOBAL --implicit-check-not=warning:

int *returned() {
  int x = 0;
  // CHECK: positive.cpp:[[@LINE+2]]:3: warning: address of local variable 'x' is returned from 'returned'; 'x' is destroyed when 'returned' returns [escape-return]
  // CHECK-NEXT: {{^ *}}[[@LINE+1]] |   return &x;
  return &x;
  // CHECK: positive.cpp:[[@LINE-4]]:7: note: 'x' declared here
}

int *Global;
void stored() {
  int y = 1;
  // CHECK: positive.cpp:[[@LINE+2]]:3: warning: address of local variable 'y' is stored in global 'Global'{{.*}} [escape-global]
  // GLOBAL: positive.cpp:[[@LINE+1]]:3: warning: address of local variable 'y' is stored in global 'Global'{{.*}} [escape-global]
  Global = &y;
}

int scoped() {
  int *p = nullptr;
  {
    int z = 2;
    // CHECK: positive.cpp:[[@LINE+1]]:5: warning: address of local variable 'z' is kept in 'p'{{.*}} [escape-scope]
    p = &z;
  }
  return *p;
}

// A macro: reported where the macro is used, as the CLI does.
#define ADDR(v) (&(v))
int *viaMacro() {
  int w = 3;
  // CHECK: positive.cpp:[[@LINE+1]]:3: warning: address of local variable 'w' is returned from 'viaMacro'{{.*}} [escape-return]
  return ADDR(w);
}
int readGlobal() { return *Global; } // read: it keeps what it takes
