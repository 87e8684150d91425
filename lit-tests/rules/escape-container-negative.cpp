// RUN: %escape --interprocedural %s -- %std | count 0
// Negative cases for escape-container: containers that hold addresses of
// locals but die first, containers of values, and elements taken out again
// before the function returns. None of them may be reported.

#include <map>
#include <queue>
#include <set>
#include <string>
#include <vector>

int containerDiesWithTheObjects() {
  int a = 1, b = 2;
  std::vector<int *> v;
  v.push_back(&a);
  v.push_back(&b);
  int s = 0;
  for (int *p : v)
    s += *p;
  return s;
}

int containerInAnInnerBlock() {
  int a = 1;
  int total = 0;
  {
    std::vector<int *> v{&a};
    total += *v[0];
  }
  return total;
}

std::vector<int> valuesNotAddresses() {
  int a = 1;
  std::vector<int> v;
  v.push_back(a);
  return v;
}

std::map<std::string, int> keyCopied() {
  std::string k = "x";
  std::map<std::string, int> m;
  m[k] = 1;
  return m;
}

std::vector<std::string> stringsCopiedFromALocal() {
  std::string s = "x";
  std::vector<std::string> v;
  v.push_back(s);
  v.push_back(s.c_str());
  return v;
}

void takenOutBeforeReturning(std::vector<int *> &out) {
  int a = 1;
  out.push_back(&a);
  out.pop_back();
}

std::vector<int *> g_items;

void globalClearedBeforeReturning() {
  int a = 1;
  g_items.push_back(&a);
  g_items.clear();
}

// The caller's addresses into the caller's container.
void add(std::vector<int *> &v, int *p) { v.push_back(p); }

void addCallersAddress(std::vector<int *> &v, int *p) { add(v, p); }

std::vector<int *> addressesOfStatics() {
  static int counter = 0;
  std::vector<int *> v;
  v.push_back(&counter);
  return v;
}

std::vector<int *> heapObjects() {
  std::vector<int *> v;
  v.push_back(new int(3));
  return v;
}

// An outer container that still holds the address when the object dies but
// is never read again: nothing can observe it (the rule for direct stores).
int outerContainerNotReadAfter() {
  std::vector<int *> v;
  {
    int inner = 5;
    v.push_back(&inner);
  }
  return 0;
}

// A registry that another function (a destructor, a release call) takes the
// element out of again: the insert is assumed to be undone.
static std::set<void *> *liveObjects;
struct Registered {
  Registered() { liveObjects->insert(this); }
  ~Registered() { liveObjects->erase(this); }
};
void registeredLocal() { Registered r; }
static std::map<int *, int> *refCounts;
void incRef(int *p) { (*refCounts)[p]++; }
void decRef(int *p) { refCounts->erase(p); }
void countedLocal() {
  int x = 0;
  incRef(&x);
  decRef(&x);
}

// A work queue a consumer drains with std::queue::pop (the adaptors take
// elements out like deque::pop_front): the insert is a hand-off.
struct WorkQueue {
  std::queue<void *> items;
  void post(void *item) { items.push(item); }
  void *take() {
    void *item = items.front();
    items.pop();
    return item;
  }
};
WorkQueue *workQueue;
void postedLocal() {
  int job = 0;
  workQueue->post(&job);
}
