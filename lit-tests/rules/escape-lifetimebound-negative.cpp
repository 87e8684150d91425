// RUN: %escape --interprocedural --checks='-*,escape-lifetimebound' %s -- %std | count 0
// The rule is off by default: escape-* does not turn it on.
// RUN: %escape --interprocedural --checks='escape-*' %S/escape-lifetimebound.cpp -- %std | count 0
// RUN: %escape --interprocedural %S/escape-lifetimebound.cpp -- %std | count 0
// Without the interprocedural analysis there are no summaries to read.
// RUN: %escape --interprocedural=false --checks='-*,escape-lifetimebound' %S/escape-lifetimebound.cpp -- %std | count 0
// Negative cases for escape-lifetimebound: parameters that already carry the
// attribute, results that are a level deeper than the parameter (what it
// points to, not the parameter's own referent), values, by-value parameters,
// assignment operators and lambdas. None of them may be reported.

const int &annotated(const int &a [[clang::lifetimebound]]) { return a; }

struct Annotated {
  int value;
  int &get() [[clang::lifetimebound]] { return value; }
};

// Annotated on an earlier declaration only: Clang merges it into this one.
int &earlier(int &r [[clang::lifetimebound]]);
int &earlier(int &r) { return r; }

// Level 1: the result is what *pp points to, not pp's referent.
int *deref(int **pp) { return *pp; }

// Copies, not addresses.
int value(const int &a) { return a; }
struct Holder {
  int v;
  int get() const { return v; }
  Holder copy() const { return *this; }
};

// Results that never come from the parameter.
int *global();
int *fromGlobal(int *p) { return p ? global() : nullptr; }
const char *literal(const char *s) { return s ? "yes" : "no"; }

// Chaining assignments return *this by convention; the standard library does
// not annotate them either.
struct Assign {
  int v;
  Assign &operator=(const Assign &o) {
    v = o.v;
    return *this;
  }
  Assign &operator=(Assign &&o) noexcept {
    v = o.v;
    return *this;
  }
};

int useLambda(int x) {
  auto f = [](int &r) -> int & { return r; };
  return f(x);
}
