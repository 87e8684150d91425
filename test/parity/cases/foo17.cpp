// escape2.go foo17: a pointee's value stored through a global pointer.

int **xxx;

void foo17(int *yy) { // L: foo17
  **xxx = *yy;
}
