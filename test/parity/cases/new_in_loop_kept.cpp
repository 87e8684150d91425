// escape2.go foo122/foo123-like: an allocation in a loop kept by a variable outside it.

int *keepInLoop() {
  int *i;
  for (int j = 0; j < 3; j++) {
    i = new int; // L: new
  }
  (void)i;
  return nullptr;
}

int localInLoop() {
  int s = 0;
  for (int j = 0; j < 3; j++) {
    int *i = new int; // L: new2
    *i = j;
    s += *i;
    delete i;
  }
  return s;
}
