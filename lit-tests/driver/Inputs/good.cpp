int *g;
void store() {
  int local = 0;
  g = &local;
}
int readG() { return *g; } // read: it keeps what it takes
