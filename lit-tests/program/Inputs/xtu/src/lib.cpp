#include "lib.h"
int *g;
int *id(int *p) { return p; }
void setGlobal(int *p) { g = p; }
Holder::Holder(int *q) : p(q) {}
int readG() { return *g; } // read: it keeps what it takes
