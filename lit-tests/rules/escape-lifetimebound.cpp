// RUN: %not %escape --interprocedural --checks='-*,escape-lifetimebound' %s -- %std | %FileCheck %s --implicit-check-not=warning:
// Positive cases for escape-lifetimebound: a reference or pointer parameter
// (or *this) that the result points to at level 0, without
// [[clang::lifetimebound]]. The fix-its are checked by applying them
// (escape-lifetimebound-fixits.test).

// CHECK: escape-lifetimebound.cpp:[[@LINE+1]]:28: warning: the result of 'pick' points to what parameter 'a' refers to; mark 'a' {{\[\[}}clang::lifetimebound]] so that Clang warns where that object dies first [escape-lifetimebound]
const int &pick(const int &a, const int &b) { return a; }

// CHECK: escape-lifetimebound.cpp:[[@LINE+1]]:14: warning: the result of 'id' points to what parameter 'p' refers to; mark 'p' {{\[\[}}clang::lifetimebound]]
int *id(int *p) { return p; }

// Both branches of ?: reach the result.
// CHECK: escape-lifetimebound.cpp:[[@LINE+2]]:30: warning: the result of 'larger' points to what parameter 'a' refers to
// CHECK: escape-lifetimebound.cpp:[[@LINE+1]]:44: warning: the result of 'larger' points to what parameter 'b' refers to
const int &larger(const int &a, const int &b) { return a < b ? b : a; }

// An element address is still level 0.
// CHECK: escape-lifetimebound.cpp:[[@LINE+1]]:24: warning: the result of 'second' points to what parameter 'arr' refers to
const int *second(int *arr) { return arr + 1; }

// Through a local copy and a call: the summary of 'id' carries it.
// CHECK: escape-lifetimebound.cpp:[[@LINE+1]]:19: warning: the result of 'viaCall' points to what parameter 'q' refers to
int *viaCall(int *q) {
  int *t = q;
  return id(t);
}

// A declaration first: the finding is at the definition, the fix goes to the
// first declaration (checked in the fix-it test).
int &declaredFirst(int &r);
// CHECK: escape-lifetimebound.cpp:[[@LINE+1]]:25: warning: the result of 'declaredFirst' points to what parameter 'r' refers to
int &declaredFirst(int &r) { return r; }

struct Box {
  int value;
  // CHECK: escape-lifetimebound.cpp:[[@LINE+1]]:8: warning: the result of 'Box::get' points into '*this'; mark the function {{\[\[}}clang::lifetimebound]] so that Clang warns where the object dies first [escape-lifetimebound]
  int &get() { return value; }
  // CHECK: escape-lifetimebound.cpp:[[@LINE+1]]:14: warning: the result of 'Box::cget' points into '*this'
  const int *cget() const noexcept { return &value; }
  // CHECK: escape-lifetimebound.cpp:[[@LINE+1]]:8: warning: the result of 'Box::self' points into '*this'
  Box &self() & { return *this; }
};

// A member declared in the class and defined outside it: every declaration
// would need the type attribute, so there is a finding but no fix-it.
struct Split {
  int value;
  int &get();
};
// CHECK: escape-lifetimebound.cpp:[[@LINE+1]]:13: warning: the result of 'Split::get' points into '*this'
int &Split::get() { return value; }
