// Returning the address of a parameter or a local (escape2.go foo3).

int *foo3(int x) { // L: foo3
  return &x;
}

int *retAddr() {
  int i = 0; // L: i
  return &i;
}
