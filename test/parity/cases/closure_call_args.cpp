// escape_closure.go ClosureCallArgs1/2: a closure called in place, with an argument it does not keep.

void ClosureCallArgs1() {
  int x = 0;
  for (;;) {
    [](int *p) { // L: lit1
      *p = 1;
    }(&x);
  }
}

void ClosureCallArgs2() {
  for (;;) {
    int x = 0;
    [](int *p) { // L: lit2
      *p = 1;
    }(&x);
  }
}
