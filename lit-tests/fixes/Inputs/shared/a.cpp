#include "counter.h"

int firstUnit() { return *counterAddress(1); }
