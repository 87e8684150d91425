// escape2.go foo11: pointers to locals used only locally.

int foo11() {
  int x = 0, y = 42;
  int *xx = &x;
  int *yy = &y;
  *xx = *yy;
  return x;
}
