// Go has no block lifetimes: only loops make a variable outlive another.

int block() {
  int *p;
  {
    int x = 1;
    p = &x;
  }
  return *p;
}
