// escape2.go foo16: a parameter stored through a global pointer.

int **xxx;

void foo16(int *yy) { // L: foo16
  *xxx = yy;
}
