#include "shared.h"

int *Kept;
void keep(int *p) { Kept = p; }
