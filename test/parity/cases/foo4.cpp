// escape2.go foo4: assigning one parameter to another leaks nothing.

void foo4(int *xx, int *yy) { // L: foo4
  xx = yy;
}
