// RUN: %not %escape %s -- %std | %FileCheck %s --implicit-check-not=warning:
// Positive cases for escape-scope: the address of an object declared in an
// inner block or loop body is kept in a variable of an enclosing scope and is
// read after the inner object has been destroyed (use-after-scope).

int blockScope() {
  int *p = nullptr;
  {
    int x = 1;
    // CHECK: escape-scope.cpp:[[@LINE+1]]:5: warning: address of local variable 'x' is kept in 'p', which outlives the scope of 'x'; 'x' is destroyed at the end of its scope [escape-scope]
    p = &x;
  }
  return *p;
}

int forLoopBody(int n) {
  int *last = nullptr;
  for (int i = 0; i < n; ++i) {
    int v = i * 2;
    // CHECK: escape-scope.cpp:[[@LINE+1]]:5: warning: address of local variable 'v' is kept in 'last'{{.*}} [escape-scope]
    last = &v;
  }
  return last ? *last : 0;
}

int forLoopInductionVariable(int n) {
  const int *last = nullptr;
  for (int i = 0; i < n; ++i)
    // CHECK: escape-scope.cpp:[[@LINE+1]]:5: warning: address of local variable 'i' is kept in 'last'{{.*}} [escape-scope]
    last = &i;
  return last ? *last : 0;
}

int whileLoopBody(int n) {
  int *keep = nullptr;
  while (n-- > 0) {
    int tmp = n;
    // CHECK: escape-scope.cpp:[[@LINE+1]]:5: warning: address of local variable 'tmp' is kept in 'keep'{{.*}} [escape-scope]
    keep = &tmp;
  }
  return keep ? *keep : -1;
}

int doWhileBody(int n) {
  int *keep = nullptr;
  do {
    int v = n;
    // CHECK: escape-scope.cpp:[[@LINE+1]]:5: warning: address of local variable 'v' is kept in 'keep'{{.*}} [escape-scope]
    keep = &v;
  } while (--n > 0);
  return *keep;
}

int rangeForCopyOverLocalArray() {
  int arr[3] = {1, 2, 3};
  int *keep = nullptr;
  for (int e : arr)
    // CHECK: escape-scope.cpp:[[@LINE+1]]:5: warning: address of local variable 'e' is kept in 'keep'{{.*}} [escape-scope]
    keep = &e;
  return *keep;
}

int ifBranchBlock(bool b) {
  int *p = nullptr;
  if (b) {
    int x = 5;
    // CHECK: escape-scope.cpp:[[@LINE+1]]:5: warning: address of local variable 'x' is kept in 'p'{{.*}} [escape-scope]
    p = &x;
  }
  return p ? *p : 0;
}

int ifInitStatement(bool b) {
  const int *p = nullptr;
  if (int v = b ? 1 : 2; v > 0)
    // CHECK: escape-scope.cpp:[[@LINE+1]]:5: warning: address of local variable 'v' is kept in 'p'{{.*}} [escape-scope]
    p = &v;
  return *p;
}

int switchCaseBlock(int k) {
  int *p = nullptr;
  switch (k) {
  case 1: {
    int v = 3;
    // CHECK: escape-scope.cpp:[[@LINE+1]]:5: warning: address of local variable 'v' is kept in 'p'{{.*}} [escape-scope]
    p = &v;
    break;
  }
  default:
    break;
  }
  return p ? *p : 0;
}

struct Span {
  int *data;
  int size;
};

int structFieldInOuterScope() {
  Span s{};
  {
    int buf[4] = {1, 2, 3, 4};
    // CHECK: escape-scope.cpp:[[@LINE+1]]:5: warning: address of local variable 'buf' is kept in 's'{{.*}} [escape-scope]
    s.data = buf;
    s.size = 4;
  }
  return s.data[0];
}

int throughReferenceToOuterPointer() {
  int *p = nullptr;
  int *&rp = p;
  {
    int x = 1;
    // CHECK: escape-scope.cpp:[[@LINE+1]]:5: warning: address of local variable 'x' is kept in 'p'{{.*}} [escape-scope]
    rp = &x;
  }
  return *p;
}

int nestedBlocks() {
  int *outer = nullptr;
  {
    int *mid = nullptr;
    {
      int x = 2;
      // CHECK: escape-scope.cpp:[[@LINE+1]]:7: warning: address of local variable 'x' is kept in 'mid'{{.*}} [escape-scope]
      mid = &x;
    }
    outer = mid;
  }
  return *outer;
}

int previousIterationRead(int n) {
  int *prev = nullptr;
  int sum = 0;
  for (int i = 0; i < n; ++i) {
    int v = i;
    if (prev)
      sum += *prev;
    // CHECK: escape-scope.cpp:[[@LINE+1]]:5: warning: address of local variable 'v' is kept in 'prev'{{.*}} [escape-scope]
    prev = &v;
  }
  return sum;
}

int *backwardGotoLoop() {
  static int fallback;
  int *keep = &fallback;
  int i = 0;
again:
  {
    int v = i;
    // CHECK: escape-scope.cpp:[[@LINE+1]]:5: warning: address of local variable 'v' is kept in 'keep'{{.*}} [escape-scope]
    keep = &v;
  }
  if (++i < 3)
    goto again;
  return keep;
}
