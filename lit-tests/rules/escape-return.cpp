// RUN: %not %escape %s -- %std | %FileCheck %s --implicit-check-not=warning:
// Positive cases for escape-return: the address of (or a reference to) an
// automatic object reaches the function's return value. Each case must be
// reported exactly once, on the return statement.

#include <memory>
#include <utility>

int *addressReturned() {
  int x = 0;
  // CHECK: escape-return.cpp:[[@LINE+1]]:3: warning: address of local variable 'x' is returned from 'addressReturned'; 'x' is destroyed when 'addressReturned' returns [escape-return]
  return &x;
}

int &referenceReturned() {
  int counter = 0;
  ++counter;
  // CHECK: escape-return.cpp:[[@LINE+1]]:3: warning: reference to local variable 'counter' is returned from 'referenceReturned'; 'counter' is destroyed when 'referenceReturned' returns [escape-return]
  return counter;
}

const int *chainThroughLocals() {
  int value = 1;
  int *p = &value;
  int *q = p;
  const int *r = q;
  // CHECK: escape-return.cpp:[[@LINE+1]]:3: warning: address of local variable 'value' is returned from 'chainThroughLocals'; 'value' is destroyed when 'chainThroughLocals' returns [escape-return]
  return r;
}

static int s_fallback;

int *conditionalOperator(bool useLocal) {
  int scratch = 0;
  // CHECK: escape-return.cpp:[[@LINE+1]]:3: warning: address of local variable 'scratch' is returned from 'conditionalOperator'{{.*}} [escape-return]
  return useLocal ? &scratch : &s_fallback;
}

int *arrayDecays() {
  int buffer[16] = {};
  buffer[0] = 7;
  // CHECK: escape-return.cpp:[[@LINE+1]]:3: warning: address of local variable 'buffer' is returned from 'arrayDecays'{{.*}} [escape-return]
  return buffer;
}

struct Span {
  int *data;
  int size;
};

Span structHoldingPointer() {
  int storage[4] = {1, 2, 3, 4};
  Span s{storage, 4};
  // CHECK: escape-return.cpp:[[@LINE+1]]:3: warning: address of local variable 'storage' is returned from 'structHoldingPointer'{{.*}} [escape-return]
  return s;
}

Span memberAssignedThenReturned() {
  int x = 0;
  Span s{};
  s.data = &x;
  s.size = 1;
  // CHECK: escape-return.cpp:[[@LINE+1]]:3: warning: address of local variable 'x' is returned from 'memberAssignedThenReturned'{{.*}} [escape-return]
  return s;
}

struct Point {
  int x;
  int y;
};

int *addressOfField() {
  Point pt{1, 2};
  // CHECK: escape-return.cpp:[[@LINE+1]]:3: warning: address of local variable 'pt' is returned from 'addressOfField'{{.*}} [escape-return]
  return &pt.y;
}

int *addressOfElement() {
  int table[8] = {};
  // CHECK: escape-return.cpp:[[@LINE+1]]:3: warning: address of local variable 'table' is returned from 'addressOfElement'{{.*}} [escape-return]
  return &table[3];
}

int *pointerArithmetic(int n) {
  int buf[16];
  int *cur = buf;
  for (int i = 0; i < n; ++i)
    ++cur;
  // CHECK: escape-return.cpp:[[@LINE+1]]:3: warning: address of local variable 'buf' is returned from 'pointerArithmetic'{{.*}} [escape-return]
  return cur;
}

const unsigned char *reinterpretBytes() {
  double d = 3.5;
  // CHECK: escape-return.cpp:[[@LINE+1]]:3: warning: address of local variable 'd' is returned from 'reinterpretBytes'{{.*}} [escape-return]
  return reinterpret_cast<const unsigned char *>(&d);
}

int *conditionallyRepointed(bool b) {
  static int shared = 0;
  int local = 0;
  int *p = &shared;
  if (b)
    p = &local;
  // CHECK: escape-return.cpp:[[@LINE+1]]:3: warning: address of local variable 'local' is returned from 'conditionallyRepointed'{{.*}} [escape-return]
  return p;
}

const Point &byValueParameterReturnedByReference(Point pt) {
  // CHECK: escape-return.cpp:[[@LINE+1]]:3: warning: reference to parameter 'pt' is returned from 'byValueParameterReturnedByReference'{{.*}} [escape-return]
  return pt;
}

int *addressOfParameter(int v) {
  // CHECK: escape-return.cpp:[[@LINE+1]]:3: warning: address of parameter 'v' is returned from 'addressOfParameter'{{.*}} [escape-return]
  return &v;
}

int &referenceVariableReturned() {
  int x = 0;
  int &alias = x;
  // CHECK: escape-return.cpp:[[@LINE+1]]:3: warning: {{.*}}local variable 'x' is returned from 'referenceVariableReturned'{{.*}} [escape-return]
  return alias;
}

int *stdMovePointer() {
  int x = 0;
  int *p = &x;
  // CHECK: escape-return.cpp:[[@LINE+1]]:3: warning: address of local variable 'x' is returned from 'stdMovePointer'{{.*}} [escape-return]
  return std::move(p);
}

int *stdAddressof() {
  int x = 0;
  // CHECK: escape-return.cpp:[[@LINE+1]]:3: warning: address of local variable 'x' is returned from 'stdAddressof'{{.*}} [escape-return]
  return std::addressof(x);
}

int *commaOperator() {
  int x = 0;
  // CHECK: escape-return.cpp:[[@LINE+1]]:3: warning: address of local variable 'x' is returned from 'commaOperator'{{.*}} [escape-return]
  return (void)0, &x;
}

int *const &referenceToLocalPointer() {
  int *p = nullptr;
  // CHECK: escape-return.cpp:[[@LINE+1]]:3: warning: reference to local variable 'p' is returned from 'referenceToLocalPointer'{{.*}} [escape-return]
  return p;
}

auto deducedReturnType() {
  int x = 0;
  // CHECK: escape-return.cpp:[[@LINE+1]]:3: warning: address of local variable 'x' is returned from 'deducedReturnType'{{.*}} [escape-return]
  return &x;
}

int *structuredBindingByReference() {
  struct Pair {
    int first;
    int second;
  } pr{1, 2};
  auto &[a, b] = pr;
  // CHECK: escape-return.cpp:[[@LINE+1]]:3: warning: address of local variable 'pr' is returned from 'structuredBindingByReference'{{.*}} [escape-return]
  return &a;
}

int *addressOfDereference() {
  int x = 0;
  int *p = &x;
  // CHECK: escape-return.cpp:[[@LINE+1]]:3: warning: address of local variable 'x' is returned from 'addressOfDereference'{{.*}} [escape-return]
  return &*p;
}

int *loadedThroughPointerToPointer() {
  int x = 0;
  int *p = &x;
  int **pp = &p;
  // CHECK: escape-return.cpp:[[@LINE+1]]:3: warning: address of local variable 'x' is returned from 'loadedThroughPointerToPointer'{{.*}} [escape-return]
  return *pp;
}
