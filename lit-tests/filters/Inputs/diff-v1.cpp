int *g; int readG() { return *g; } // read: it keeps what it takes

int *first() {
  int a = 0;
  return &a;
}

void second() {
  int b = 0;
  g = &b;
}

int *third() {
  int c = 0;
  return &c;
}
