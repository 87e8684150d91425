// escape_indir.go constptr0: a store through a pointer is a heap store, even into a local object (Go's BAD case).

struct ConstPtr {
  int *p;
  int c;
};

void constptr0() {
  int i = 0;                      // L: i
  ConstPtr *x = new ConstPtr{};   // L: x
  x->p = &i;
  delete x;
}
