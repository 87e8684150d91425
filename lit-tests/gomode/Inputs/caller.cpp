// Input of program.test: calls into callee.cpp.
int *id(int *p);
int peek(int *p);
int *use() {
  int x = 0;
  int *r = id(&x);
  int y = 0;
  int v = peek(&y);
  (void)v;
  return r;
}
