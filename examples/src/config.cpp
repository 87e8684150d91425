#include "demo.h"

namespace demo {

const Limits *ActiveLimits = nullptr;

void loadDefaults() {
  Limits Defaults;
  Defaults.MaxUsers = 32;
  ActiveLimits = &Defaults; // dangles once loadDefaults returns
}

const Limits &defaultLimits() {
  Limits L;
  return L; // returns a reference to a local
}

int maxUsers() { return ActiveLimits ? ActiveLimits->MaxUsers : 0; }

} // namespace demo
