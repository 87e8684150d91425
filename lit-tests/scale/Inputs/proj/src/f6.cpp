#include "util.h"
#include "vendor.h"
int *g6;
void store6() {
  int local6 = 6;
  g6 = &local6;
}
int use6() { return *headerLeak() + *vendorLeak(); }
int read6() { return *g6; } // read: it keeps what it takes
