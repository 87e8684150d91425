#include "demo.h"

namespace demo {

void onEvent(Handler &Slot) {
  int Seen = 0;
  Slot = [&Seen](int) { ++Seen; }; // stored handler refers to a dead local
}

Handler makeCounter(int Start) {
  int Count = Start;
  return [&](int Step) { Count += Step; }; // returned lambda captures by reference
}

static int immediate() {
  int Total = 0;
  // Fine: the lambda runs before Total goes away.
  [&] { Total += 1; }();
  return Total;
}

int useImmediate() { return immediate(); }

} // namespace demo
