// Parameters that flow to the result (escape2.go foo9, escape.go leaktoret).

int *foo9(int *xx, int *yy) { // L: foo9
  xx = yy;
  return xx;
}

int *level1(int **pp) { // L: level1
  return *pp;
}

int *level2(int ***ppp) { // L: level2
  return **ppp;
}
