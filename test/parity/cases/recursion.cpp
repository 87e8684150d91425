// escape5.go leakrecursive1/2: a flow into the result of another function of the same recursive batch is a heap leak.

int *r2(int *p, int *q);

int *r1(int *p, int *q) { // L: r1
  return r2(q, p);
}

int *r2(int *p, int *q) { // L: r2
  if (*p > *q)
    return r1(q, p);
  return p;
}
