int *g; int readG() { return *g; } // read: it keeps what it takes

int *leak() {
  int x = 0;
  return &x;
}

void store() {
  int y = 0;
  g = &y;
}
