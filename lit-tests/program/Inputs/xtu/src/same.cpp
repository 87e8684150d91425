static int *sameId(int *p) { return p; }
int *sameUnit() {
  int x = 0;
  return sameId(&x);
}
