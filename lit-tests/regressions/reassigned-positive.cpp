// The reaching-definitions check keeps the flows that do reach the read.
// RUN: %not %escape %s -- %std | %FileCheck %s --implicit-check-not=warning:
int g_counter;

int *onOnePath(bool c) {
  int local = 0;
  int *p = &local;
  if (c)
    p = &g_counter;
  // CHECK: reassigned-positive.cpp:[[@LINE+1]]:3: warning: address of local variable 'local' is returned
  return p;
}

int *inLoop(int n) {
  int local = 0;
  int *p = &g_counter;
  int *q = &g_counter;
  for (int i = 0; i < n; ++i) {
    q = p;
    p = &local;
  }
  // CHECK: reassigned-positive.cpp:[[@LINE+1]]:3: warning: address of local variable 'local' is returned
  return q;
}
