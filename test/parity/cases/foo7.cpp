// escape2.go foo7: a parameter reaches the result through a local pointer.

int *foo7(int **xx, int *yy) { // L: foo7
  xx = &yy;
  return *xx;
}
