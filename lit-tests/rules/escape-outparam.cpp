// RUN: %not %escape %s -- %std | %FileCheck %s --implicit-check-not=warning:
// Positive cases for escape-outparam: the address of an automatic object is
// stored through a pointer or reference parameter into memory owned by the
// caller, which outlives the callee's frame.

struct Result {
  const char *msg;
  int code;
};

struct Node {
  int *data;
  Node *next;
};

void pointerToPointer(int **out) {
  int x = 0;
  // CHECK: escape-outparam.cpp:[[@LINE+1]]:3: warning: address of local variable 'x' is stored in '*out' through parameter 'out'; 'x' is destroyed when 'pointerToPointer' returns [escape-outparam]
  *out = &x;
}

void referenceToPointer(int *&out) {
  int x = 0;
  // CHECK: escape-outparam.cpp:[[@LINE+1]]:3: warning: address of local variable 'x' is stored in 'out' through parameter 'out'{{.*}} [escape-outparam]
  out = &x;
}

void errorMessageThroughPointer(Result *r) {
  char buf[32] = "error";
  r->code = -1;
  // CHECK: escape-outparam.cpp:[[@LINE+1]]:3: warning: address of local variable 'buf' is stored in 'r->msg' through parameter 'r'{{.*}} [escape-outparam]
  r->msg = buf;
}

void errorMessageThroughReference(Result &r) {
  char buf[32] = "error";
  // CHECK: escape-outparam.cpp:[[@LINE+1]]:3: warning: address of local variable 'buf'{{.*}} through parameter 'r'{{.*}} [escape-outparam]
  r.msg = buf;
}

void fillSlot(int **slots, int i) {
  int x = 0;
  // CHECK: escape-outparam.cpp:[[@LINE+1]]:3: warning: address of local variable 'x' is stored in 'slots[i]' through parameter 'slots'{{.*}} [escape-outparam]
  slots[i] = &x;
}

void linkLocalNode(Node *head) {
  Node local{};
  Node *p = &local;
  // CHECK: escape-outparam.cpp:[[@LINE+1]]:3: warning: address of local variable 'local' is stored in 'head->next' through parameter 'head'{{.*}} [escape-outparam]
  head->next = p;
}

void conditionalOut(int **out, bool b) {
  int x = 0;
  static int fallback;
  // CHECK: escape-outparam.cpp:[[@LINE+1]]:3: warning: address of local variable 'x' is stored in '*out' through parameter 'out'{{.*}} [escape-outparam]
  *out = b ? &x : &fallback;
}

void throughLocalAliasOfParameter(int **out) {
  int x = 0;
  int **alias = out;
  // CHECK: escape-outparam.cpp:[[@LINE+1]]:3: warning: address of local variable 'x' is stored in '*alias' through parameter 'out'{{.*}} [escape-outparam]
  *alias = &x;
}

void addressOfByValueParameter(int v, int **out) {
  // CHECK: escape-outparam.cpp:[[@LINE+1]]:3: warning: address of parameter 'v' is stored in '*out' through parameter 'out'{{.*}} [escape-outparam]
  *out = &v;
}

void nestedMemberOfPointee(Node *n) {
  int x = 0;
  // CHECK: escape-outparam.cpp:[[@LINE+1]]:3: warning: address of local variable 'x' is stored in 'n->next->data' through parameter 'n'{{.*}} [escape-outparam]
  n->next->data = &x;
}

void arrayDecaysIntoOut(int *&out, bool b) {
  int arr[4] = {};
  if (b)
    // CHECK: escape-outparam.cpp:[[@LINE+1]]:5: warning: address of local variable 'arr' is stored in 'out' through parameter 'out'{{.*}} [escape-outparam]
    out = arr + 1;
}

void referenceVariableAddressOut(const int *&out) {
  int x = 0;
  const int &r = x;
  // CHECK: escape-outparam.cpp:[[@LINE+1]]:3: warning: address of local variable 'x' is stored in 'out' through parameter 'out'{{.*}} [escape-outparam]
  out = &r;
}
