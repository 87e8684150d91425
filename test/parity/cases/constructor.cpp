// Go builds a struct with a literal; C++ may use a constructor that stores its argument through this.

struct Holder {
  int *p;
  Holder(int *p) : p(p) {} // L: ctor
  // DIVERGE(ctor) go="leaking param: p to result ~r0 level=0" cxx="leaking param: p" why: a C++ constructor stores its argument through this (a store through a pointer, so the heap under Go's rules); Go has no constructors and returns the new value instead.
  // DIVERGE(ctor) go="" cxx="this does not escape" why: the constructor's object is its implicit this parameter.
};

int useHolder() {
  int x = 0; // L: x
  // DIVERGE(x) go="" cxx="moved to heap: x" why: follows from the constructor's heap store above; an aggregate (Holder h{&x}) stays quiet, like Go's literal.
  Holder h(&x);
  return *h.p;
}
