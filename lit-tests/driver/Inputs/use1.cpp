#include "shared.h"
int use1() { return *shared(); }
