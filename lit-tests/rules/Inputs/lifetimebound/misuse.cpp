// Calls that dangle: with the attributes in place Clang itself reports them.
#include "pick.h"
int *id(int *p [[clang::lifetimebound]]);
int use() {
  const int &r = pick(1, 2);
  const int &v = Box{3}.get();
  return r + v;
}
