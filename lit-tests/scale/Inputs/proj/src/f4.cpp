#include "util.h"
#include "vendor.h"
int *g4;
void store4() {
  int local4 = 4;
  g4 = &local4;
}
int use4() { return *headerLeak() + *vendorLeak(); }
int read4() { return *g4; } // read: it keeps what it takes
