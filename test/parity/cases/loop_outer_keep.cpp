// A pointer declared outside a loop that keeps an address from inside (esc.go keep = &x).

int loopKeep() {
  int *keep = nullptr;
  for (int i = 0; i < 3; i++) {
    int x = i; // L: x
    keep = &x;
  }
  return *keep;
}

int loopLocal() {
  int s = 0;
  for (int i = 0; i < 3; i++) {
    int x = i;
    int *p = &x;
    s += *p;
  }
  return s;
}
