// escape2.go foo10: copying pointer-free values through pointers.

void foo10(int *xx, int *yy) { // L: foo10
  *xx = *yy;
}
