// A store made inside a lambda body outlives the lambda's call; the objects
// of the enclosing function die later, so the store is judged at the lambda's
// exit. Reported by the documentation review.
// RUN: %not %escape %s -- %std | %FileCheck %s --implicit-check-not=warning:
int *g;

void immediate() {
  int n = 0;
  // CHECK: stores-inside-lambdas.cpp:[[@LINE+1]]:9: warning: address of local variable 'n' is stored in global 'g'{{.*}}[escape-global]
  [&] { g = &n; }();
}

void named() {
  int n = 0;
  // CHECK: stores-inside-lambdas.cpp:[[@LINE+1]]:18: warning: address of local variable 'n' is stored in global 'g'{{.*}}[escape-global]
  auto f = [&] { g = &n; };
  f();
}

struct P {
  int *counter;
  void m() {
    int n = 0;
    // CHECK: stores-inside-lambdas.cpp:[[@LINE+1]]:11: warning: address of local variable 'n' is stored in member 'counter' of '*this'{{.*}}[escape-member]
    [&] { counter = &n; }();
  }
};

void out(int **o) {
  int n = 0;
  // CHECK: stores-inside-lambdas.cpp:[[@LINE+1]]:9: warning: address of local variable 'n' is stored in '*o' through parameter 'o'{{.*}}[escape-outparam]
  [&] { *o = &n; }();
}

int *outerLocal() {
  int n = 0;
  int *p = nullptr;
  [&] { p = &n; }();
  // CHECK: stores-inside-lambdas.cpp:[[@LINE+1]]:3: warning: address of local variable 'n' is returned from 'outerLocal'{{.*}}[escape-return]
  return p;
}

// Reset inside the same lambda: nothing is left behind.
void resetInside() {
  int n = 0;
  [&] {
    g = &n;
    *g = 1;
    g = nullptr;
  }();
}
