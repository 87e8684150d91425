// RUN: %not %escape %s -- %std | %FileCheck %s --implicit-check-not=warning:
// Positive cases for escape-temporary: the address of a temporary that is NOT
// lifetime-extended is kept beyond the end of its full-expression.

#include <initializer_list>
#include <utility>

struct S {
  int v;
  int w;
};

struct RefAgg {
  const int &r;
};

struct PtrAgg {
  const int *p;
};

int referenceMemberParenthesizedAggregate() {
  // C++20 parenthesized aggregate init does not extend the temporary.
  // CHECK: escape-temporary.cpp:[[@LINE+1]]:10: warning: temporary 'int' is destroyed at the end of the full-expression, but its address is kept in 'a' [escape-temporary]
  RefAgg a(42);
  return a.r;
}

int conditionalIntoParenthesizedAggregate(bool b) {
  // CHECK: escape-temporary.cpp:[[@LINE+1]]:10: warning: temporary 'int'{{.*}} kept in 'a' [escape-temporary]
  RefAgg a(b ? 1 : 2);
  return a.r;
}

int initializerListAssignedFromBracedList() {
  std::initializer_list<int> il;
  // CHECK: escape-temporary.cpp:[[@LINE+1]]:3: warning: temporary 'const int[3]'{{.*}} kept in 'il' [escape-temporary]
  il = {1, 2, 3};
  return *il.begin();
}

const int &returnPrvalueByReference() {
  // CHECK: escape-temporary.cpp:[[@LINE+1]]:3: warning: temporary 'int'{{.*}} returned from 'returnPrvalueByReference' [escape-temporary]
  return 5;
}

const S &returnTemporaryObjectByReference() {
  // CHECK: escape-temporary.cpp:[[@LINE+1]]:3: warning: temporary 'S'{{.*}} returned from 'returnTemporaryObjectByReference' [escape-temporary]
  return S{3, 4};
}

const int &returnMemberOfCastTemporary() {
  // CHECK: escape-temporary.cpp:[[@LINE+1]]:3: warning: temporary 'S'{{.*}} returned from 'returnMemberOfCastTemporary' [escape-temporary]
  return static_cast<const S &>(S{1, 2}).v;
}

std::initializer_list<int> returnBracedList() {
  // CHECK: escape-temporary.cpp:[[@LINE+1]]:3: warning: temporary 'const int[3]'{{.*}} returned from 'returnBracedList' [escape-temporary]
  return {1, 2, 3};
}

int stdMoveOfPrvalue() {
  // std::move returns a reference; the temporary is not extended.
  // CHECK: escape-temporary.cpp:[[@LINE+1]]:9: warning: temporary 'int'{{.*}} kept in 'r' [escape-temporary]
  int &&r = std::move(5);
  return r;
}

int stdForwardOfPrvalue() {
  // CHECK: escape-temporary.cpp:[[@LINE+1]]:9: warning: temporary 'int'{{.*}} kept in 'r' [escape-temporary]
  int &&r = std::forward<int>(3);
  return r;
}

int addressOfCastTemporary(bool b) {
  // CHECK: escape-temporary.cpp:[[@LINE+1]]:14: warning: temporary 'int'{{.*}} kept in 'p' [escape-temporary]
  const int *p = &static_cast<const int &>(b ? 1 : 2);
  return *p;
}

int addressOfMemberOfTemporary() {
  // CHECK: escape-temporary.cpp:[[@LINE+1]]:14: warning: temporary 'S'{{.*}} kept in 'p' [escape-temporary]
  const int *p = &static_cast<const S &>(S{4, 5}).w;
  return *p;
}

using Triple = int[3];

int temporaryArrayDecays() {
  // CHECK: escape-temporary.cpp:[[@LINE+1]]:8: warning: temporary 'Triple'{{.*}} kept in 'p' [escape-temporary]
  int *p = Triple{1, 2, 3};
  return p[1];
}

int pointerMemberOfAggregate() {
  // CHECK: escape-temporary.cpp:[[@LINE+1]]:10: warning: temporary 'int'{{.*}} kept in 'a' [escape-temporary]
  PtrAgg a{&static_cast<const int &>(5)};
  return *a.p;
}

const int *g_ptr;
const S *g_obj;

void addressOfTemporaryInGlobal() {
  // CHECK: escape-temporary.cpp:[[@LINE+1]]:3: warning: temporary 'int'{{.*}} stored in global 'g_ptr' [escape-temporary]
  g_ptr = &static_cast<const int &>(7);
}

void addressOfTemporaryObjectInGlobal() {
  // CHECK: escape-temporary.cpp:[[@LINE+1]]:3: warning: temporary 'S'{{.*}} stored in global 'g_obj' [escape-temporary]
  g_obj = &static_cast<const S &>(S{3, 4});
}

int staticLocalParenthesizedAggregate() {
  // CHECK: escape-temporary.cpp:[[@LINE+1]]:17: warning: temporary 'int'{{.*}} stored in static 's' [escape-temporary]
  static RefAgg s(2);
  return s.r;
}

// A global nothing reads keeps nothing anyone can use: these are read.
int readGlobals() { return *g_ptr + g_obj->v; }
