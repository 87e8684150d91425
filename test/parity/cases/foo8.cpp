// escape2.go foo8: returning a pointee that holds no pointer leaks nothing.

int foo8(int *xx, int *yy) { // L: foo8
  xx = yy;
  return *xx;
}
