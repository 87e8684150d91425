#include "quiet.h"
int f() { return 0; } // NOLINT(escape-return)
