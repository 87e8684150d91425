// escape_closure.go ClosureCallArgs15-like: a closure returning its argument, called in place.

int *gp;

void returnsArg() {
  int x = 0; // L: x
  gp = [](int *p) { // L: lit
    return p;
  }(&x);
}

int returnsArgLocal() {
  int x = 0;
  int *q = [](int *p) { // L: lit2
    return p;
  }(&x);
  return *q;
}
