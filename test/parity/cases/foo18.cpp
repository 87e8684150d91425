// escape2.go foo18: the address of a parameter stored through a global pointer.

int **xxx;

void foo18(int y) { // L: foo18
  *xxx = &y;
}
