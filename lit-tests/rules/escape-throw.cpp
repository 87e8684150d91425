// RUN: %not %escape %s -- %std | %FileCheck %s --implicit-check-not=warning:
// Positive cases for escape-throw: the thrown exception object holds the
// address of an automatic object, which is destroyed during stack unwinding
// before any handler in a caller can use it.

struct Error {
  const char *msg;
  int code;
};

void throwAddressOfLocal() {
  int x = 0;
  // CHECK: escape-throw.cpp:[[@LINE+1]]:3: warning: address of local variable 'x' is thrown out of 'throwAddressOfLocal'; 'x' is destroyed when 'throwAddressOfLocal' returns [escape-throw]
  throw &x;
}

void throwLocalCharArray() {
  char buf[64] = "failure";
  // CHECK: escape-throw.cpp:[[@LINE+1]]:3: warning: address of local variable 'buf' is thrown out of 'throwLocalCharArray'{{.*}} [escape-throw]
  throw buf;
}

void throwPointerThroughLocals() {
  Error e{"bad", 1};
  Error *p = &e;
  Error *q = p;
  // CHECK: escape-throw.cpp:[[@LINE+1]]:3: warning: address of local variable 'e' is thrown out of 'throwPointerThroughLocals'{{.*}} [escape-throw]
  throw q;
}

void throwConditionalOperator(bool b) {
  int x = 0;
  static int fallback;
  // CHECK: escape-throw.cpp:[[@LINE+1]]:3: warning: address of local variable 'x' is thrown out of 'throwConditionalOperator'{{.*}} [escape-throw]
  throw b ? &x : &fallback;
}

void throwStructHoldingLocalBuffer() {
  char buf[32] = "details";
  // CHECK: escape-throw.cpp:[[@LINE+1]]:3: warning: address of local variable 'buf' is thrown out of 'throwStructHoldingLocalBuffer'{{.*}} [escape-throw]
  throw Error{buf, 2};
}

void throwAddressOfParameter(int v) {
  // CHECK: escape-throw.cpp:[[@LINE+1]]:3: warning: address of parameter 'v' is thrown out of 'throwAddressOfParameter'{{.*}} [escape-throw]
  throw &v;
}

void throwAddressOfMember() {
  Error e{"member", 0};
  // CHECK: escape-throw.cpp:[[@LINE+1]]:3: warning: address of local variable 'e' is thrown out of 'throwAddressOfMember'{{.*}} [escape-throw]
  throw &e.code;
}

void throwFromNestedBlock(bool b) {
  if (b) {
    int x = 0;
    // CHECK: escape-throw.cpp:[[@LINE+1]]:5: warning: address of local variable 'x' is thrown out of 'throwFromNestedBlock'{{.*}} [escape-throw]
    throw &x;
  }
}

void throwAddressOfCatchParameterCopy() {
  try {
    throw 1;
  } catch (int e) {
    // CHECK: escape-throw.cpp:[[@LINE+1]]:5: warning: address of local variable 'e' is thrown out of 'throwAddressOfCatchParameterCopy'{{.*}} [escape-throw]
    throw &e;
  }
}
