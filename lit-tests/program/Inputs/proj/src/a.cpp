#include "shared.h"

int *g;
void storeGlobal() {
  int x = 0;
  g = &x;
}

int *useShared() { return sharedBug(); }
int readG() { return *g; } // read: it keeps what it takes
