#include "pick.h"
const int &pick(const int &a, const int &b) { return a; }
int *id(int *p) { return p; }
