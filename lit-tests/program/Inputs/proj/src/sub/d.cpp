int *Held;
void severity() {
  int v = 0;
  Held = &v;
}
int readHeld() { return *Held; } // read: it keeps what it takes
