// A parameter leaks through a chain of locals.

int *gp;

void chain(int *p) { // L: chain
  int *q = p;
  int *r = q;
  gp = r;
}

int *addrChain(int x) { // L: addrchain
  int *p = &x;
  int *q = p;
  return q;
}
