// escape_closure.go ClosureCallArgs7: a closure called in a loop stores its argument outside the loop.

void ClosureCallArgs7() {
  int *pp;
  for (;;) {
    int x = 0;          // L: x
    [&pp](int *p) {     // L: lit
      pp = p;
    }(&x);
  }
  (void)pp;
}
