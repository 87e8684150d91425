// panic(v): the value escapes (C++: throw).

void panicAddr() {
  int x = 0; // L: x
  throw &x;
}

void panicParam(int *p) { // L: p
  throw p;
}
