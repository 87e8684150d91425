// Bug mode tells apart the first level of fields and constant array
// elements of a local aggregate (Go does not: escape2.go fieldFlowTracking).
// RUN: %not %escape %s -- %std | %FileCheck %s --implicit-check-not=warning:
struct Two {
  int *a;
  int *b;
};

int *otherField(int *q) {
  int x = 0;
  Two t{&x, q};
  *t.a = 1;
  return t.b;
}

int *otherFieldAssigned(int *q) {
  int x = 0;
  Two t;
  t.a = &x;
  t.b = q;
  *t.a = 1;
  return t.b;
}

int *otherElement(int *q) {
  int x = 0;
  int *arr[2] = {&x, q};
  *arr[0] = 1;
  return arr[1];
}

// A reference member holds the address it is bound to in its own field.
struct WithRef {
  const int &r;
  int *b;
};

int *otherFieldThanReference(int *q) {
  int x = 0;
  WithRef w{x, q};
  return w.b;
}

const int *referenceMember(int *q) {
  int x = 0;
  WithRef w{x, q};
  // CHECK: fields-one-level.cpp:[[@LINE+1]]:3: warning: address of local variable 'x' is returned{{.*}}[escape-return]
  return &w.r;
}

int *sameField(int *q) {
  int x = 0;
  Two t{&x, q};
  // CHECK: fields-one-level.cpp:[[@LINE+1]]:3: warning: address of local variable 'x' is returned{{.*}}[escape-return]
  return t.a;
}

Two wholeObject(int *q) {
  int x = 0;
  Two t{q, q};
  t.b = &x;
  // CHECK: fields-one-level.cpp:[[@LINE+1]]:3: warning: address of local variable 'x' is returned{{.*}}[escape-return]
  return t;
}

int *unknownIndex(int *q, int i) {
  int x = 0;
  int *arr[2] = {q, q};
  arr[i] = &x;
  // CHECK: fields-one-level.cpp:[[@LINE+1]]:3: warning: address of local variable 'x' is returned{{.*}}[escape-return]
  return arr[1];
}
