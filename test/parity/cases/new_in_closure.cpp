// An allocation inside a closure called in place.

int inClosure() {
  return []() { // L: lit
    int *p = new int; // L: new
    *p = 3;
    int r = *p;
    delete p;
    return r;
  }();
}
