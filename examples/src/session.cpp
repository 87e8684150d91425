#include "demo.h"

namespace demo {

void Session::attachBuffer() {
  char Scratch[256] = {};
  Buffer = Scratch; // the member keeps a pointer into this frame
  Used = 0;
}

int Session::bytesBuffered() const {
  // Fine: a pointer into a local array that never leaves the function.
  int Local[4] = {1, 2, 3, 4};
  int *P = Local;
  int Sum = 0;
  for (int I = 0; I < 4; ++I)
    Sum += P[I];
  return Sum + Used;
}

} // namespace demo
