// RUN: %escape %s -- %std | count 0
// Negative cases for escape-scope: pointers to inner-scope objects that are
// only used while the object is alive, reset before its scope ends, or that
// point to objects of the enclosing scope.

int use(int);

int readInsideTheScope() {
  int *p = nullptr;
  int r = 0;
  {
    int x = 1;
    p = &x;
    r = *p;
  }
  return r;
}

int resetBeforeScopeEnds() {
  int *p = nullptr;
  {
    int x = 1;
    p = &x;
    use(*p);
    p = nullptr;
  }
  return p ? *p : 0;
}

int overwrittenEachIterationAndNeverReadAfter(int n) {
  int *p = nullptr;
  int sum = 0;
  for (int i = 0; i < n; ++i) {
    int v = i * 2;
    p = &v;
    sum += *p;
  }
  return sum;
}

int rangeForByReferenceIntoLocalArray() {
  int arr[3] = {1, 2, 3};
  int *keep = nullptr;
  for (int &e : arr)
    keep = &e;
  return keep ? *keep : 0;
}

int pointsToOuterVariable() {
  int x = 3;
  int *p = nullptr;
  {
    p = &x;
  }
  return *p;
}

int innerPointerToOuterVariable() {
  int x = 3;
  int r = 0;
  {
    int *p = &x;
    r = *p;
  }
  return r;
}

int staticInsideBlock() {
  int *p = nullptr;
  {
    static int s = 4;
    p = &s;
  }
  return *p;
}

int repointedAfterScope() {
  static int fallback = 0;
  int *p = nullptr;
  {
    int x = 1;
    p = &x;
    use(*p);
  }
  p = &fallback;
  return *p;
}

int heapObjectInLoop(int n) {
  int *keep = nullptr;
  for (int i = 0; i < n; ++i) {
    delete keep;
    keep = new int(i);
  }
  int r = keep ? *keep : 0;
  delete keep;
  return r;
}

int valueCopiedOutOfLoop(int n) {
  int last = 0;
  while (n-- > 0) {
    int tmp = n;
    int *p = &tmp;
    last = *p;
  }
  return last;
}

int repointedToOuterInsideScope() {
  int y = 2;
  int *p = nullptr;
  {
    int x = 1;
    p = &x;
    *p = 3;
    p = &y;
  }
  return *p;
}
