// escape_param.go: a pointer to a struct whose field is stored or returned.

struct Pair {
  int *p;
  int *q;
};

int *gp;

void storeField(Pair *s) { // L: store
  gp = s->p;
}

void setField(Pair *s, int *x) { // L: set
  s->q = x;
}

void caller() {
  Pair s;
  int y = 0; // L: y
  setField(&s, &y);
}
