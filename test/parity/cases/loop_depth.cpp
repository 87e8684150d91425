// A variable of a loop body whose address outlives the iteration
// (escape2.go foo72a, foo80, foo81).

void foo72a() {
  int *y[10];
  for (int i = 0; i < 10; i++) {
    int x = i; // L: x
    y[i] = &x;
  }
  (void)y;
}

int *foo80() {
  int *z;
  for (;;) {
    z = new int; // L: new80
  }
  (void)z;
  return nullptr;
}

int *foo81() {
  for (;;) {
    int *z = new int; // L: new81
    (void)z;
  }
  return nullptr;
}
