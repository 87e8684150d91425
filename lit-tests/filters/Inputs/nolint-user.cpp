#include "nolint.h"
int use() { return *suppressed() + *suppressedNext() + *kept(); }
