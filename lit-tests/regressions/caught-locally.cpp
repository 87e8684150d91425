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

// An object of the try block is destroyed before its handler runs.
void unusedInHandler() {
  try {
    int x = 0;
    throw &x;
  } catch (int *p) {
  }
}

int readInHandler() {
  try {
    int x = 0;
    // CHECK: caught-locally.cpp:[[@LINE+1]]:5: warning: address of local variable 'x' is kept in 'p', which outlives the scope of 'x'{{.*}}[escape-scope]
    throw &x;
  } catch (int *p) {
    return *p;
  }
  return 0;
}
