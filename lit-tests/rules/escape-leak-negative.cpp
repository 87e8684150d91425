// RUN: %cxx-escape --checks='-*,escape-leak' %s -- %std | count 0
// The rule is off by default: escape-* does not turn it on.
// RUN: %cxx-escape --checks='escape-*' %S/escape-leak.cpp -- %std | count 0
// Negative cases for escape-leak: the pointer escapes, is deleted on some
// path (through any copy), or is handed to something that could free it.
#include <memory>
#include <vector>

struct Point { int x, y; };
void unknown(Point *);
void consume(Point *p) { delete p; }
struct Box {
  Point *p;
  ~Box() { delete p; }
};
Point *g_point;

int deleted() {
  Point *p = new Point{};
  int r = p->x;
  delete p;
  return r;
}

int deletedViaAlias() {
  Point *p = new Point{};
  Point *q = p;
  int r = q->x;
  delete q;
  return r;
}

// Leaks on one path only: not this rule's case.
int earlyReturn(bool c) {
  Point *p = new Point{};
  if (c)
    return 0;
  delete p;
  return 1;
}

void handedToCallee() {
  Point *p = new Point{};
  consume(p);
}

void handedToUnknown() {
  Point *p = new Point{};
  unknown(p);
}

void handedToOwner() {
  Point *p = new Point{};
  std::unique_ptr<Point> u(p);
}

void resetOwner() {
  std::unique_ptr<Point> u;
  u.reset(new Point{});
}

void intoContainer(std::vector<Point *> &v) {
  Point *p = new Point{};
  v.push_back(p);
}

void intoAggregate() { Box b{new Point{}}; }

Point *returned() { return new Point{}; }

void storedGlobal() { g_point = new Point{}; }

void lambdaFrees() {
  Point *p = new Point{};
  auto f = [p] { delete p; };
  f();
}

// Placement new does not allocate.
void placement() {
  alignas(Point) unsigned char buf[sizeof(Point)];
  new (buf) Point{};
}

// A class's own operator new: whatever it does is not a plain heap object.
struct Pooled {
  static void *operator new(unsigned long n);
  int v;
};
int pooled() {
  Pooled *p = new Pooled;
  return p->v;
}
