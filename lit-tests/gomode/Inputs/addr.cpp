// Input of options.test.
int *retAddr() {
  int x = 0;
  return &x;
}
