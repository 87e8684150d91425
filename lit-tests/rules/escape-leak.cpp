// RUN: %not %cxx-escape --checks='-*,escape-leak' %s -- %std | %FileCheck %s --implicit-check-not=warning:
// Positive cases for escape-leak: a new whose pointer does not escape, that no
// path deletes and that nothing which could free it ever receives. The
// negative cases are in escape-leak-negative.cpp.

struct Point { int x, y; };

int neverDeleted() {
  // CHECK: escape-leak.cpp:[[@LINE+3]]:14: warning: memory allocated by 'new Point' never escapes and is never deleted [escape-leak]
  // CHECK-NEXT: Point *p = new Point{1, 2};
  // CHECK: note: no delete, call, owner or aggregate receives its address, and it is lost when 'neverDeleted' returns
  Point *p = new Point{1, 2};
  return p->x;
}

// CHECK: escape-leak.cpp:[[@LINE+1]]:20: warning: memory allocated by 'new int' never escapes
void discarded() { new int(3); }

// Copies of the pointer do not free it either.
int copied() {
  // CHECK: escape-leak.cpp:[[@LINE+1]]:12: warning: memory allocated by 'new int[4]' never escapes
  int *a = new int[4];
  int *b = a;
  b[0] = 1;
  return b[0];
}

// In a loop, a fresh leak on every iteration.
int inLoop(int n) {
  int s = 0;
  for (int i = 0; i < n; ++i) {
    // CHECK: escape-leak.cpp:[[@LINE+1]]:14: warning: memory allocated by 'new int' never escapes
    int *q = new int(i);
    s += *q;
  }
  return s;
}
