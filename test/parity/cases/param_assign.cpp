// Assigning to a parameter variable is harmless; storing through it is
// a heap store (escape2.go foo5, foo6).

void foo5(int **xx, int *yy) { // L: foo5
  xx = &yy;
}

void foo6(int **xx, int *yy) { // L: foo6
  *xx = yy;
}
