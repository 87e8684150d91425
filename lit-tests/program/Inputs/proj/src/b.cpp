#include "shared.h"

int *returned() {
  int y = 0;
  return &y;
}

void crossUnit() {
  int z = 0;
  keep(&z);
  unknownSink(&z);
}

int *silenced() {
  int w = 0;
  return &w; // NOLINT(escape-return)
}
