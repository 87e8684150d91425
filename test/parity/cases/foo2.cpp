// escape2.go foo2: a pointer stored in a global leaks.

int *gxx;

void foo2(int *yy) { // L: foo2
  gxx = yy;
}
