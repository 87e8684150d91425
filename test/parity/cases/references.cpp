// C++ references are Go pointers: binding is taking the address, using is dereferencing.

int &refId(int &p) { // L: refid
  return p;
}

int &refLocal() {
  int x = 0; // L: x
  int &r = x;
  return r;
}

int refRead(int &p) { // L: refread
  return p;
}
