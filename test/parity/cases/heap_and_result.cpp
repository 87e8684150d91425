// A flow to the heap dominates one to the result at the same level (leaks.go Optimize).

int *gp;

int *both(int *p) { // L: both
  gp = p;
  return p;
}

int *contentBoth(int **pp) { // L: contentboth
  gp = *pp;
  return *pp;
}

int **contentAndResult(int **pp) { // L: contentresult
  gp = *pp;
  return pp;
}
