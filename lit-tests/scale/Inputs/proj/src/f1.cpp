#include "util.h"
#include "vendor.h"
int *g1;
void store1() {
  int local1 = 1;
  g1 = &local1;
}
int use1() { return *headerLeak() + *vendorLeak(); }
