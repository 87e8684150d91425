// An address passed to a leaking callee inside a loop.

int *gp;

void keep(int *p) { // L: keep
  gp = p;
}

void loopCall() {
  for (int i = 0; i < 3; i++) {
    int x = i; // L: x
    keep(&x);
  }
}
