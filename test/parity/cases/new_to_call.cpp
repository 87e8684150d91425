// An allocation passed to a function: its summary decides.

int *gp;

int noleak(int *p) { // L: noleak
  return *p;
}

void leak(int *p) { // L: leak
  gp = p;
}

int passNoLeak() {
  return noleak(new int); // L: new1
}

void passLeak() {
  leak(new int); // L: new2
}
