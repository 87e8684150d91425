// RUN: %cxx-escape -m %s -- %std | %FileCheck %s --implicit-check-not=new( --implicit-check-not=make(
// RUN: %cxx-escape -m=2 %s -- %std | %FileCheck %s --check-prefix=EXPLAIN
// RUN: %cxx-escape -m --max-stack-alloc=200000 %s -- %std | %FileCheck %s --check-prefix=LARGE
// Go mode's allocation sites beyond `new`: the object of a make_unique or
// make_shared that initialises a local owner is Go's new(T); a vector of
// constant size is Go's make([]T, N). Go's size limit applies: above 64 KiB
// (--max-stack-alloc) an allocation escapes, "too large for stack".
#include <memory>
#include <vector>

struct Point { int x, y; };
struct Big { char data[100000]; };
std::unique_ptr<Point> g_unique;
std::shared_ptr<Point> g_shared;
std::vector<int> g_vec;

int uniqueLocal() {
  // CHECK: allocs.cpp:[[@LINE+1]]:12: new(Point) does not escape
  auto u = std::make_unique<Point>();
  return u->x;
}

std::unique_ptr<Point> uniqueReturned() {
  // CHECK: allocs.cpp:[[@LINE+1]]:12: new(Point) escapes to heap
  auto u = std::make_unique<Point>();
  return u;
}

void uniqueMovedToGlobal() {
  // CHECK: allocs.cpp:[[@LINE+1]]:12: new(Point) escapes to heap
  auto u = std::make_unique<Point>();
  g_unique = std::move(u);
}

Point *uniqueReleased() {
  // CHECK: allocs.cpp:[[@LINE+1]]:12: new(Point) escapes to heap
  auto u = std::make_unique<Point>();
  return u.release();
}

int sharedLocal() {
  // CHECK: allocs.cpp:[[@LINE+1]]:12: new(Point) does not escape
  auto s = std::make_shared<Point>();
  auto t = s;
  return t->y;
}

void sharedCopiedToGlobal() {
  // CHECK: allocs.cpp:[[@LINE+1]]:12: new(Point) escapes to heap
  auto s = std::make_shared<Point>();
  auto t = s;
  g_shared = t;
}

int vectorLocal() {
  // CHECK: allocs.cpp:[[@LINE+1]]:20: make([]int, 8) does not escape
  std::vector<int> v(8);
  return v[0];
}

void vectorToGlobal() {
  // CHECK: allocs.cpp:[[@LINE+1]]:20: make([]int, 3) escapes to heap
  std::vector<int> v{1, 2, 3};
  g_vec = v;
}

// A size known only at run time: no allocation site of its own.
int vectorVariable(int n) {
  std::vector<int> v(n);
  return v[0];
}

int tooLarge() {
  // CHECK: allocs.cpp:[[@LINE+4]]:12: new(Big) escapes to heap
  // EXPLAIN: allocs.cpp:[[@LINE+3]]:12: new(Big) escapes to heap:
  // EXPLAIN-NEXT: allocs.cpp:[[@LINE+2]]:12:   flow: {heap} = &{storage for new(Big)}:
  // EXPLAIN-NEXT: allocs.cpp:[[@LINE+1]]:12:     from new(Big) (too large for stack) at {{.*}}allocs.cpp:[[@LINE+1]]:12
  Big *b = new Big;
  int r = b->data[0];
  delete b;
  return r;
}
// LARGE: allocs.cpp:78:12: new(Big) does not escape

int variableArray(int n) {
  // CHECK: allocs.cpp:[[@LINE+1]]:12: new(int[]) escapes to heap
  int *a = new int[n];
  int r = a[0];
  delete[] a;
  return r;
}

int constantArray() {
  // CHECK: allocs.cpp:[[@LINE+1]]:12: new(int[4]) does not escape
  int *a = new int[4];
  int r = a[0];
  delete[] a;
  return r;
}

// -m=2 explains an owner's object through the owner's copies.
// RUN: %cxx-escape -m=2 %s -- %std | %FileCheck %s --check-prefix=OWNER
// OWNER: allocs.cpp:25:12: new(Point) escapes to heap:
// OWNER-NEXT: allocs.cpp:25:12:   flow: u = &{storage for new(Point)}:
// OWNER-NEXT: allocs.cpp:25:12:     from std::make_unique<Point>() (spill) at {{.*}}allocs.cpp:25:12
// OWNER-NEXT: allocs.cpp:25:12:     from auto u = std::make_unique<Point>() (assign) at {{.*}}allocs.cpp:25:8
// OWNER-NEXT: allocs.cpp:25:12:   flow: ~r0 = u:
// OWNER: allocs.cpp:25:12: new(Point) escapes to heap
