#include "lib.h"
int *viaId() {
  int x = 0;
  return id(&x);
}
void viaSetter() {
  int y = 0;
  setGlobal(&y);
}
Holder viaConstructor() {
  int z = 0;
  Holder h(&z);
  return h;
}
int *viaVirtual(Shape &s) {
  int w = 0;
  return s.keep(&w);
}
int readsOnly() {
  int v = 1;
  int *q = id(&v);
  return *q;
}
