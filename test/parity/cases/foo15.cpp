// escape2.go foo15: the address of a parameter stored in a global.

int **xxx;

void foo15(int *yy) { // L: foo15
  xxx = &yy;
}
