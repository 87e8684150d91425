#include "util.h"
#include "vendor.h"
int *g3;
void store3() {
  int local3 = 3;
  g3 = &local3;
}
int use3() { return *headerLeak() + *vendorLeak(); }
int read3() { return *g3; } // read: it keeps what it takes
