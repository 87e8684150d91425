#include "util.h"
#include "vendor.h"
int *g1;
void store1() {
  int local1 = 1;
  g1 = &local1;
}
int use1() { return *headerLeak() + *vendorLeak(); }
int read1() { return *g1; } // read: it keeps what it takes
