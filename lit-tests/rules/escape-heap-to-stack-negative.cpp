// RUN: %cxx-escape --checks='-*,escape-heap-to-stack' %s -- %std | count 0
// The rule is off by default: escape-* does not turn it on.
// RUN: %cxx-escape --checks='escape-*' %S/escape-heap-to-stack.cpp -- %std | count 0
// RUN: %cxx-escape %S/escape-heap-to-stack.cpp -- %std | count 0
// Negative cases for escape-heap-to-stack: objects that escape, that are not
// freed on every path, whose owner gives them up, that grow, or whose size is
// not a constant. None of them may be reported.
#include <future>
#include <memory>
#include <vector>

struct Point { int x, y; };
struct Big { char data[100000]; };
void unknown(Point *);
Point *g_point;
struct Holder {
  Point *raw;
  std::shared_ptr<Point> sp;
  std::unique_ptr<Point> up;
};

// One path returns without deleting.
int earlyReturn(bool c) {
  Point *p = new Point{1, 2};
  if (c)
    return p->x;
  int r = p->y;
  delete p;
  return r;
}

// The loop may run zero times.
void deleteInLoop(int n) {
  int *p = new int[4];
  for (int i = 0; i < n; ++i)
    delete[] p;
}

// Never deleted (escape-leak's case, not this rule's).
int neverDeleted() {
  Point *p = new Point{};
  return p->x;
}

// The pointer is overwritten before the delete.
void overwritten() {
  Point *p = new Point{};
  p = nullptr;
  delete p;
}

Point *returned() {
  Point *p = new Point{};
  return p;
}

void storedGlobal() {
  Point *p = new Point{};
  g_point = p;
  delete p;
}

void storedMember(Holder &h) {
  Point *p = new Point{};
  h.raw = p;
  delete p;
}

void passedUnknown() {
  Point *p = new Point{};
  unknown(p);
  delete p;
}

// Ownership goes to a unique_ptr.
void toUniquePtr() {
  Point *p = new Point{};
  std::unique_ptr<Point> u(p);
}

// Its address is taken: another function could change what it points to.
void reseat(Point **pp);
void addressTaken() {
  Point *p = new Point{};
  reseat(&p);
  delete p;
}

// The size is not a constant.
void variableArray(int n) {
  int *a = new int[n];
  a[0] = 0;
  delete[] a;
}

// Too large for Go's 64 KiB.
int tooLarge() {
  Big *b = new Big;
  int r = b->data[0];
  delete b;
  return r;
}

std::unique_ptr<Point> makeUniqueReturned() {
  auto u = std::make_unique<Point>();
  return u;
}

int makeUniqueReleased() {
  auto u = std::make_unique<Point>();
  Point *raw = u.release();
  int r = raw->x;
  delete raw;
  return r;
}

void makeUniqueMoved(Holder &h) {
  auto u = std::make_unique<Point>();
  h.up = std::move(u);
}

void makeUniqueMovedLocally() {
  auto u = std::make_unique<Point>();
  std::unique_ptr<Point> v = std::move(u);
}

void makeUniqueReset() {
  auto u = std::make_unique<Point>();
  u.reset();
}

void makeUniqueGetEscapes() {
  auto u = std::make_unique<Point>();
  g_point = u.get();
}

void makeSharedToMember(Holder &h) {
  auto s = std::make_shared<Point>();
  h.sp = s;
}

std::shared_ptr<Point> makeSharedReturnedCopy() {
  auto s = std::make_shared<Point>();
  auto t = s;
  return t;
}

std::weak_ptr<Point> g_weak;
void makeSharedToWeak() {
  auto s = std::make_shared<Point>();
  std::weak_ptr<Point> w = s;
  g_weak = w;
}

// The object can hand out owners of itself.
struct Shares : std::enable_shared_from_this<Shares> {
  int v;
};
int makeSharedSharesItself() {
  auto s = std::make_shared<Shares>();
  return s->v;
}

// A copy goes to library code no model follows.
int makeSharedToAsync() {
  auto s = std::make_shared<Point>();
  auto f = std::async([](std::shared_ptr<Point> q) { return q->x; }, s);
  return f.get();
}

int vectorGrows() {
  std::vector<int> v(16);
  v.push_back(1);
  return v[0];
}

int vectorResized() {
  std::vector<int> v{1, 2, 3};
  v.resize(10);
  return v[0];
}

int vectorReserved() {
  std::vector<int> v(4);
  v.reserve(100);
  return v[0];
}

int vectorNonConstant(int n) {
  std::vector<int> v(n);
  return v[0];
}

void grow(std::vector<int> &v);
int vectorPassedByReference() {
  std::vector<int> v(4);
  grow(v);
  return v[0];
}

std::vector<int> g_vec;
void vectorCopiedToGlobal() {
  std::vector<int> v(4);
  g_vec = v;
}

int *vectorDataEscapes() {
  std::vector<int> v(4);
  return v.data();
}
