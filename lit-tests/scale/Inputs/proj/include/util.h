inline int *headerLeak() {
  int h = 0;
  return &h;
}
