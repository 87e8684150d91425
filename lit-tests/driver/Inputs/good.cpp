int *g;
void store() {
  int local = 0;
  g = &local;
}
