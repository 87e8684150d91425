#include "util.h"
#include "vendor.h"
int *g2;
void store2() {
  int local2 = 2;
  g2 = &local2;
}
int use2() { return *headerLeak() + *vendorLeak(); }
int read2() { return *g2; } // read: it keeps what it takes
