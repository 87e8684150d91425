// A pointer stored through a parameter's pointee, two levels down.

void store2(int ***ppp, int *p) { // L: store2
  **ppp = p;
}

int *load2(int ***ppp) { // L: load2
  return **ppp;
}
