// The address of a local stored into a new object: the store is a heap store.

int *newHolds() {
  int x = 0;            // L: x
  int **p = new int *;  // L: new
  *p = &x;
  int *r = *p;
  delete p;
  return r;
}
