#include "shared.h"
int use2() { return *shared() + 1; }
