// escape_closure.go ClosureCallArgs3: a closure called in place that stores its argument in a global.

void *sink;

void ClosureCallArgs3() {
  int x = 0;     // L: x
  [](int *p) {   // L: lit
    sink = p;
  }(&x);
}
