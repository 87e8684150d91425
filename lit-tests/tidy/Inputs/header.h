inline int *fromHeader() {
  int h = 0;
  return &h;
}
