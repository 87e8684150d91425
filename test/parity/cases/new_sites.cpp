// new(T): does the allocation escape? (escape.go newEsc, escape2.go NewBar)

struct Bar {
  int i;
  int *ii;
};

int newNoEsc() {
  int *p = new int; // L: noesc
  *p = 1;
  int r = *p;
  delete p;
  return r;
}

int *newEsc() {
  return new int; // L: esc
}

Bar *NewBar() {
  return new Bar{42, nullptr}; // L: newbar
}

int NewBarLocal() {
  Bar *b = new Bar{42, nullptr}; // L: newbarlocal
  int r = b->i;
  delete b;
  return r;
}
