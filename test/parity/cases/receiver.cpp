// Methods: the receiver is a parameter (escape2.go AlsoNoLeak).
// RENAME: b -> this

struct Bar {
  int i;
  int *ii;
  int *AlsoNoLeak();
  Bar *Self();
  void Set(int *x);
  int Get();
};

int *Bar::AlsoNoLeak() { // L: alsonoleak
  return ii;
}

Bar *Bar::Self() { // L: self
  return this;
}

void Bar::Set(int *x) { // L: set
  ii = x;
}

int Bar::Get() { // L: get
  return i;
}
