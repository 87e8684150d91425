// Slicing an array takes its address (escape2.go foo99-like; esc2.go).
// C++: an array decays to a pointer to its first element.

int *gs;

int *retSlice() {
  int a[4]; // L: a
  return a;
}

int localSlice() {
  int b[4] = {};
  int *s = b;
  return s[0];
}

void globalSlice() {
  int c[4]; // L: c
  gs = c;
}
