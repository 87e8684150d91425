// A parameter stored in a returned struct value leaks to the result.

struct S {
  int *p;
  int *q;
};

S wrap(int *p) { // L: wrap
  return S{p, nullptr};
}

int *unwrap(S *s) { // L: unwrap
  return s->q;
}
