#include "hooks.h"
const void *lastWatched() { return hooks::watched; }
