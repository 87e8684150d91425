// Summaries at call sites (escape5.go leaktoret, f2, f3).

int *gp;

int *leaktoret(int *p) { // L: leaktoret
  return p;
}

int noleak(int *p) { // L: noleak
  return *p;
}

void f2() {
  int x; // no escape: the result is unused
  (void)leaktoret(&x);
}

void f3() {
  int x; // L: x3
  int *p = leaktoret(&x);
  gp = p;
}

int f4() {
  int x;
  return noleak(&x);
}
