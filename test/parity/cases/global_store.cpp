// Storing an address in a global (escape2.go foo1).

int *gxx;

void foo1(int x) { // L: foo1
  gxx = &x;
}

void local() {
  int y = 0; // L: y
  gxx = &y;
}
