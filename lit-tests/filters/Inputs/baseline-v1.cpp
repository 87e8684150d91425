int *g;

int *leak() {
  int x = 0;
  return &x;
}

void store() {
  int y = 0;
  g = &y;
}
