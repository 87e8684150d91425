// A pointer thrown and caught by a handler of the same function stays in
// the function: the object is alive in the handler.
// RUN: %not %escape %s -- %std | %FileCheck %s --implicit-check-not=warning:
void caughtLocally() {
  int x = 0;
  try {
    throw &x;
  } catch (int *p) {
    *p = 1;
  }
}

void caughtByAll() {
  int x = 0;
  try {
    throw &x;
  } catch (...) {
  }
}

int *g;
void caughtThenStored() {
  int x = 0;
  try {
    throw &x;
  } catch (int *p) {
    // CHECK: caught-locally.cpp:[[@LINE+1]]:5: warning: address of local variable 'x' is stored in global 'g'{{.*}}[escape-global]
    g = p;
  }
}

void wrongHandler() {
  int x = 0;
  try {
    // CHECK: caught-locally.cpp:[[@LINE+1]]:5: warning: address of local variable 'x' is thrown out of 'wrongHandler'{{.*}}[escape-throw]
    throw &x;
  } catch (long *p) {
  }
}
