#include "util.h"
#include "vendor.h"
int *g2;
void store2() {
  int local2 = 2;
  g2 = &local2;
}
int use2() { return *headerLeak() + *vendorLeak(); }
