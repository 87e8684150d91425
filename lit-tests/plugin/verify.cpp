// REQUIRES: clang-plugin
// The compiler plugin reports through clang's diagnostics, so -verify checks
// warnings and notes in place.
// RUN: %clangxx -fsyntax-only %std -Wno-return-stack-address -fplugin=%clang-plugin -Xclang -verify %s
// The cc1 spelling loads the same plugin.
// RUN: %clangxx -fsyntax-only %std -Wno-return-stack-address -Xclang -load -Xclang %clang-plugin \
// RUN:   -Xclang -add-plugin -Xclang escape -Xclang -verify %s

int *returned() {
  int x = 0; // expected-note {{'x' declared here}}
  return &x; // expected-warning {{address of local variable 'x' is returned from 'returned'; 'x' is destroyed when 'returned' returns}}
}

int *Global;
void stored() {
  int y = 1; // expected-note {{'y' declared here}}
  Global = &y; // expected-warning {{address of local variable 'y' is stored in global 'Global'}}
}

int scoped() {
  int *p = nullptr;
  {
    int z = 2; // expected-note {{'z' declared here}}
    p = &z; // expected-warning {{address of local variable 'z' is kept in 'p'}}
  }
  return *p;
}

static int Shared;
int *quiet() { return &Shared; }
int readGlobal() { return *Global; } // read: it keeps what it takes
