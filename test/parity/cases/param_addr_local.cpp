// Taking the address of a parameter for local use only.

int addrLocal(int x) {
  int *p = &x;
  *p = 2;
  return x;
}

int **addrParamPtr(int *p) { // L: ptr
  return &p;
}
