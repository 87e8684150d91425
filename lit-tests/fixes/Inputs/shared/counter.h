#ifndef COUNTER_H
#define COUNTER_H

#include <cstddef>

inline int *counterAddress(int Start) {
  int Value = Start;
  return &Value;
}

#endif
