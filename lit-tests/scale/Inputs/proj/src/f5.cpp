#include "util.h"
#include "vendor.h"
int *g5;
void store5() {
  int local5 = 5;
  g5 = &local5;
}
int use5() { return *headerLeak() + *vendorLeak(); }
int read5() { return *g5; } // read: it keeps what it takes
