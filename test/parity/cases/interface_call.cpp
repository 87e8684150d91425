// An interface method call leaks the receiver (escape2.go foo64, foo66).
// Go's interface is a C++ class with a virtual method; a call through it is
// a virtual call, whose callee Go mode does not know.

struct M {
  virtual void m() = 0;
};

struct MV : M {
  void m() override {} // L: mvm
  // DIVERGE(mvm) go="" cxx="this does not escape" why: Go prints nothing for an unnamed receiver (func (MV) M()); a C++ method always has a named this.
};

void foo64(M *m) { // L: foo64
  m->m();
}

void foo66() {
  MV mv; // L: mv
  foo64(&mv);
}
