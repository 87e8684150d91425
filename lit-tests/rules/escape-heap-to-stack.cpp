// RUN: %not %cxx-escape --checks='-*,escape-heap-to-stack' %s -- %std | %FileCheck %s --implicit-check-not=warning:
// RUN: %not %cxx-escape --checks='-*,escape-heap-to-stack' --max-stack-alloc=200000 %s -- %std | %FileCheck %s --check-prefixes=CHECK,LARGE --implicit-check-not=warning:
// RUN: %not %cxx-escape --checks='-*,escape-heap-to-stack' --max-stack-alloc=4 %s -- %std | %FileCheck %s --check-prefix=TINY --implicit-check-not=warning:
// Positive cases for escape-heap-to-stack: heap objects that do not escape
// (the solver, under Go's rules), that the program frees where a stack object
// would die anyway, and that fit in the limit (64 KiB, --max-stack-alloc).
// The negative cases are in escape-heap-to-stack-negative.cpp.
#include <memory>
#include <vector>

struct Point { int x, y; };
struct Big { char data[100000]; };
int use(const Point &p) { return p.x; }

// Deleted on both paths out.
int bothPaths(bool c) {
  // CHECK: escape-heap-to-stack.cpp:[[@LINE+3]]:14: warning: heap allocation of 'Point' (8 bytes) never escapes and is deleted on every path; it could live on the stack [escape-heap-to-stack]
  // CHECK-NEXT: Point *p = new Point{1, 2};
  // CHECK: note: 'p' holds it and is deleted on every path from here to the end of 'bothPaths'
  Point *p = new Point{1, 2};
  int r = p->x;
  if (c) {
    delete p;
    return r;
  }
  delete p;
  return r + 1;
}

// A new in a loop body, deleted in the same iteration.
int loopBody(int n) {
  int s = 0;
  for (int i = 0; i < n; ++i) {
    // CHECK: escape-heap-to-stack.cpp:[[@LINE+1]]:14: warning: heap allocation of 'int' (4 bytes)
    int *q = new int(i);
    s += *q;
    delete q;
  }
  return s;
}

// Handed to a function that only reads it: the callee's summary says so.
void show(const Point *p);
void show(const Point *p) { use(*p); }
void passedToReader() {
  // CHECK: escape-heap-to-stack.cpp:[[@LINE+1]]:14: warning: heap allocation of 'Point' (8 bytes)
  Point *p = new Point{};
  show(p);
  delete p;
}

// An array of constant size.
int arrayNew() {
  // CHECK: escape-heap-to-stack.cpp:[[@LINE+2]]:12: warning: heap allocation of 'int[8]' (32 bytes) never escapes
  // TINY-NOT: :[[@LINE+1]]:
  int *a = new int[8];
  a[0] = 1;
  int r = a[0];
  delete[] a;
  return r;
}

// A local unique_ptr that keeps its object.
int makeUnique() {
  // CHECK: escape-heap-to-stack.cpp:[[@LINE+3]]:12: warning: heap allocation of 'Point' (8 bytes) by std::make_unique never escapes and 'u' owns it to the end of its scope; it could live on the stack [escape-heap-to-stack]
  // CHECK: note: 'u' is never moved out, released, reset or reassigned
  // CHECK: note: Go keeps it on the stack: new(Point) does not escape
  auto u = std::make_unique<Point>(Point{1, 2});
  if (!u)
    return 0;
  use(*u);
  return u->x + u.get()->y;
}

// A shared_ptr whose copies stay local.
int makeShared() {
  // CHECK: escape-heap-to-stack.cpp:[[@LINE+2]]:12: warning: heap allocation of 'Point' (8 bytes) by std::make_shared never escapes, nor does any copy of 's'; it could live on the stack [escape-heap-to-stack]
  // CHECK: note: every copy of 's' stays in 'makeShared'
  auto s = std::make_shared<Point>();
  auto t = s;
  std::shared_ptr<Point> m = std::move(t);
  return m->x + s->y + static_cast<int>(s.use_count());
}

// A vector of constant size that is read, never grown.
int vectorConstant() {
  // CHECK: escape-heap-to-stack.cpp:[[@LINE+3]]:20: warning: the elements of 'v' ('int[16]', 64 bytes) never escape and 'v' never grows; they could live on the stack (a std::array or a plain array) [escape-heap-to-stack]
  // CHECK: note: Go keeps it on the stack: make([]int, 16) does not escape
  // TINY-NOT: :[[@LINE+1]]:
  std::vector<int> v(16);
  int s = 0;
  for (int x : v)
    s += x;
  v[0] = 2;
  return s + v[0] + v.at(1) + static_cast<int>(v.size());
}

int vectorList() {
  // CHECK: escape-heap-to-stack.cpp:[[@LINE+1]]:20: warning: the elements of 'w' ('int[3]', 12 bytes)
  std::vector<int> w{1, 2, 3};
  return w.front() + w.back();
}

// Above Go's 64 KiB only with a larger --max-stack-alloc.
int tooLarge() {
  // LARGE: escape-heap-to-stack.cpp:[[@LINE+1]]:12: warning: heap allocation of 'Big' (100000 bytes)
  Big *b = new Big;
  int r = b->data[0];
  delete b;
  return r;
}

// With --max-stack-alloc=4 only the 4-byte int is small enough.
// TINY: escape-heap-to-stack.cpp:35:14: warning: heap allocation of 'int' (4 bytes)

// A plain new never returns null: `if (p) delete p;` deletes on every path.
int nullChecked() {
  // CHECK: escape-heap-to-stack.cpp:[[@LINE+1]]:14: warning: heap allocation of 'Point' (8 bytes) never escapes and is deleted on every path
  Point *p = new Point{3, 4};
  int r = p->x;
  if (p != nullptr)
    delete p;
  return r;
}
