// A closure called where it is written does not escape, nor does what it captures (esc2.go).

int called() {
  int x = 0;
  [&x]() { // L: lit
    x = 1;
  }();
  return x;
}
