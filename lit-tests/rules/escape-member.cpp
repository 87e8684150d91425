// RUN: %not %escape %s -- %std | %FileCheck %s --implicit-check-not=warning:
// Positive cases for escape-member: the address of an automatic object (or of
// a by-value parameter) is stored in a member of *this, which outlives the
// member function or constructor.

struct Span {
  int *data;
  int size;
};

struct Parser {
  const char *cursor = nullptr;
  int *counter = nullptr;
  int *slots[4] = {};

  void implicitMemberStore() {
    char buf[16] = "input";
    // CHECK: escape-member.cpp:[[@LINE+1]]:5: warning: address of local variable 'buf' is stored in member 'cursor' of '*this'; 'buf' is destroyed when 'Parser::implicitMemberStore' returns [escape-member]
    cursor = buf;
  }

  void explicitThisArrow() {
    int n = 0;
    // CHECK: escape-member.cpp:[[@LINE+1]]:5: warning: address of local variable 'n'{{.*}} [escape-member]
    this->counter = &n;
  }

  void memberArraySlot(int i) {
    int n = 0;
    // CHECK: escape-member.cpp:[[@LINE+1]]:5: warning: address of local variable 'n' is stored in member 'slots'{{.*}} [escape-member]
    slots[i] = &n;
  }

  void chainThroughLocals() {
    int n = 0;
    int *p = &n;
    int *q = p;
    // CHECK: escape-member.cpp:[[@LINE+1]]:5: warning: address of local variable 'n' is stored in member 'counter'{{.*}} [escape-member]
    counter = q;
  }

  // CHECK: escape-member.cpp:[[@LINE+1]]:35: warning: address of parameter 'v' is stored in member 'counter'{{.*}} [escape-member]
  void rememberParameter(int v) { counter = &v; }

  void conditionalOperator(bool b) {
    int n = 0;
    // CHECK: escape-member.cpp:[[@LINE+1]]:5: warning: address of local variable 'n' is stored in member 'counter'{{.*}} [escape-member]
    counter = b ? &n : nullptr;
  }

  void dereferencedThis() {
    int n = 0;
    // CHECK: escape-member.cpp:[[@LINE+1]]:5: warning: address of local variable 'n'{{.*}} [escape-member]
    (*this).counter = &n;
  }
};

struct ReferenceToByValueParameter {
  const int &ref;
  // CHECK: escape-member.cpp:[[@LINE+1]]:40: warning: address of parameter 'v' is stored in member 'ref'{{.*}} [escape-member]
  ReferenceToByValueParameter(int v) : ref(v) {}
};

struct PointerToByValueParameter {
  int *ptr;
  // CHECK: escape-member.cpp:[[@LINE+1]]:38: warning: address of parameter 'v' is stored in member 'ptr'{{.*}} [escape-member]
  PointerToByValueParameter(int v) : ptr(&v) {}
};

struct AssignedInConstructorBody {
  int *ptr = nullptr;
  AssignedInConstructorBody(int v) {
    // CHECK: escape-member.cpp:[[@LINE+1]]:5: warning: address of parameter 'v' is stored in member 'ptr'{{.*}} [escape-member]
    ptr = &v;
  }
};

struct SpanOwner {
  Span span;

  void fillFromLocalArray() {
    int local[8] = {};
    // CHECK: escape-member.cpp:[[@LINE+1]]:5: warning: address of local variable 'local' is stored in member 'span.data'{{.*}} [escape-member]
    span.data = local;
  }

  // CHECK: escape-member.cpp:[[@LINE+1]]:26: warning: address of parameter 'count' is stored in member 'span'{{.*}} [escape-member]
  SpanOwner(int count) : span{&count, 1} {}
};
