#include "counter.h"

int secondUnit() { return *counterAddress(2); }
