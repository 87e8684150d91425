int *Held;
void severity() {
  int v = 0;
  Held = &v;
}
