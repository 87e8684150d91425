// esc2.go: a closure called where it is written returns the address of its parent's variable.

void closureResult() {
  int u; // L: u
  int *p = [&u]() { // L: lit
    return &u;
  }();
  *p = 42;
}
