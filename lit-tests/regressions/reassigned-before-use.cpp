// A local re-pointed before it is read no longer carries the old address
// (reaching definitions through the local). Reported by the rule tests.
// RUN: %escape %s -- %std | count 0
int g_counter;

int *repointed() {
  int local = 0;
  int *p = &local;
  *p = 3;
  p = &g_counter;
  return p;
}

int *cleared() {
  int local = 0;
  int *p = &local;
  *p = 1;
  p = nullptr;
  return p;
}

int *assignedLater() {
  int local = 0;
  int *p;
  p = &local;
  *p = 2;
  p = &g_counter;
  return p;
}

int *clearedInBlock() {
  int *p = nullptr;
  {
    int x = 0;
    p = &x;
    *p = 1;
    p = nullptr;
  }
  return p;
}

int *g;
void clearedBeforeCopy() {
  int x = 0;
  int *p = &x;
  p = nullptr;
  g = p;
}
