// A method's receiver and argument summaries at the call.

// RENAME: b -> this

struct Bar {
  int *p;
  void Set(int *x);
};

void Bar::Set(int *x) { // L: set
  p = x;
}

void caller() {
  Bar b;
  int x = 0; // L: x
  b.Set(&x);
}
