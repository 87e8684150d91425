// A parameter re-pointed at a local no longer reaches the caller's memory:
// stores through it land in the local (reaching definitions in the
// points-to walk).
// RUN: %not %escape %s -- %std | %FileCheck %s --implicit-check-not=warning:
void use(int);

void repointedParam(int **out) {
  int *local = nullptr;
  out = &local;
  int x = 0;
  *out = &x;
  use(*local);
}

void repointedCopy(int **out) {
  int *local = nullptr;
  int **p = out;
  p = &local;
  int x = 0;
  *p = &x;
  use(*local);
}

void stillTheCallers(int **out, bool c) {
  int *local = nullptr;
  int **p = out;
  if (c)
    p = &local;
  int x = 0;
  // CHECK: repointed-parameter.cpp:[[@LINE+1]]:3: warning: address of local variable 'x' is stored in '*p' through parameter 'out'{{.*}}[escape-outparam]
  *p = &x;
  use(*local);
}
