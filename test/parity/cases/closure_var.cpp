// A closure held in a local and called through it is still known.

int viaLocal() {
  int x = 0;
  auto f = [](int *p) { // L: lit
    return *p;
  };
  return f(&x);
}
