inline int *shared() {
  int s = 0;
  return &s;
}
