int *g;
void store() {
  int local = 0;
  int *p = &local;
  g = p;
}
int *ret() {
  int x = 1;
  return &x;
}
int readG() { return *g; } // read: it keeps what it takes
