// A dangling address left in memory that outlives the object only matters
// if something can observe it before it is overwritten: a call, a
// destructor, a read, the function's exit. Reassigned first, it is harmless.
// RUN: %not %escape %s -- %std | %FileCheck %s --implicit-check-not=warning:
void use(int *);
int *g;

void reassignedNextIteration() {
  int x;
  for (int i = 0; i < 3; ++i) {
    int y;
    g = &y;
    use(g);
  }
  g = &x;
  g = nullptr;
}

void calledBeforeReset() {
  {
    int y;
    // CHECK: observed-after-death.cpp:[[@LINE+1]]:5: warning: address of local variable 'y' is stored in global 'g'{{.*}}[escape-global]
    g = &y;
  }
  use(nullptr);
  g = nullptr;
}

void readBeforeReset() {
  int *copy;
  {
    int y;
    // CHECK: observed-after-death.cpp:[[@LINE+1]]:5: warning: address of local variable 'y' is stored in global 'g'{{.*}}[escape-global]
    g = &y;
  }
  copy = g;
  g = nullptr;
  (void)copy;
}

struct S {
  int *m;
  void member() {
    {
      int y;
      m = &y;
    }
    m = nullptr;
  }
  void memberObserved() {
    {
      int y;
      // CHECK: observed-after-death.cpp:[[@LINE+1]]:7: warning: address of local variable 'y' is stored in member 'm'{{.*}}[escape-member]
      m = &y;
    }
    use(nullptr);
    m = nullptr;
  }
};

void outParam(int **out) {
  {
    int y;
    *out = &y;
  }
  *out = nullptr;
}
