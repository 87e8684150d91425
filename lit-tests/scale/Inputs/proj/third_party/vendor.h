inline int *vendorLeak() {
  int v = 0;
  return &v;
}
