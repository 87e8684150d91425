// RUN: %not %escape --interprocedural %s -- %std | %FileCheck %s --implicit-check-not=warning:
// Positive cases for escape-container: the address of an automatic object
// goes into a standard container (through the library models of
// models/std.json, or a function of the program that inserts it) and the
// container outlives the object. Each case is reported exactly once, where
// the container starts to outlive the object.

#include <functional>
#include <list>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

std::vector<int *> pushBackReturned() {
  int x = 0;
  std::vector<int *> v;
  v.push_back(&x);
  // CHECK: escape-container.cpp:[[@LINE+5]]:3: warning: address of local variable 'x' is inserted into a container that is returned from 'pushBackReturned'; 'x' is destroyed when 'pushBackReturned' returns [escape-container]
  // CHECK: escape-container.cpp:[[@LINE-4]]:7: note: 'x' declared here
  // CHECK: escape-container.cpp:[[@LINE-3]]:15: note: a temporary 'int *' takes the address of 'x'
  // CHECK: escape-container.cpp:[[@LINE-4]]:3: note: passed to parameter '{{[_a-z]+}}' of 'std::vector::push_back', which stores what it points to in the object it is called on
  // CHECK-NOT: note: {{[^n]}}
  return v;
}

std::vector<int *> g_items;

void pushBackIntoGlobal() {
  int y = 1;
  // CHECK: escape-container.cpp:[[@LINE+1]]:3: warning: address of local variable 'y' is inserted into a container that is stored in 'g_items'{{.*}}; 'y' is destroyed when 'pushBackIntoGlobal' returns [escape-container]
  g_items.push_back(&y);
}

struct Registry {
  std::vector<const int *> items;
  void addLocal() {
    int z = 2;
    // CHECK: escape-container.cpp:[[@LINE+1]]:5: warning: address of local variable 'z' is inserted into a container that is stored in member 'items' of '*this'; 'z' is destroyed when 'Registry::addLocal' returns [escape-container]
    items.push_back(&z);
  }
};

void emplaceIntoCallersContainer(std::vector<int *> &out) {
  int q = 4;
  // CHECK: escape-container.cpp:[[@LINE+2]]:3: warning: address of local variable 'q' is inserted into a container that is stored in 'out' through parameter 'out'; 'q' is destroyed when 'emplaceIntoCallersContainer' returns [escape-container]
  // CHECK: note: passed to parameter '{{[_a-z]+}}' of 'std::vector::emplace_back', which stores what it points to in the object it is called on
  out.emplace_back(&q);
}

int insertIntoOuterScope() {
  std::vector<int *> v;
  {
    int inner = 5;
    // CHECK: escape-container.cpp:[[@LINE+1]]:5: warning: address of local variable 'inner' is inserted into a container that is kept in 'v', which outlives the scope of 'inner'; 'inner' is destroyed at the end of its scope [escape-container]
    v.insert(v.begin(), &inner);
  }
  return *v[0];
}

std::map<int *, int> mapKeyReturned() {
  int w = 3;
  std::map<int *, int> m;
  m[&w] = 1;
  // CHECK: escape-container.cpp:[[@LINE+2]]:3: warning: address of local variable 'w' is inserted into a container that is returned from 'mapKeyReturned'{{.*}} [escape-container]
  // CHECK: note: passed to parameter '{{[_a-z]+}}' of 'std::map::operator[]', which stores what it points to in the object it is called on
  return m;
}

std::map<int, int *> tryEmplaceReturned() {
  int w = 3;
  std::map<int, int *> m;
  m.try_emplace(1, &w);
  // CHECK: escape-container.cpp:[[@LINE+1]]:3: warning: address of local variable 'w' is inserted into a container that is returned from 'tryEmplaceReturned'{{.*}} [escape-container]
  return m;
}

std::set<const int *> setInsertReturned() {
  int a = 0;
  std::set<const int *> s;
  s.insert(&a);
  // CHECK: escape-container.cpp:[[@LINE+1]]:3: warning: address of local variable 'a' is inserted into a container that is returned from 'setInsertReturned'{{.*}} [escape-container]
  return s;
}

std::list<int *> pushFrontReturned() {
  int a = 0;
  std::list<int *> l;
  l.push_front(&a);
  // CHECK: escape-container.cpp:[[@LINE+1]]:3: warning: address of local variable 'a' is inserted into a container that is returned from 'pushFrontReturned'{{.*}} [escape-container]
  return l;
}

std::vector<int *> initializerList() {
  int a = 0;
  std::vector<int *> v{&a};
  // CHECK: escape-container.cpp:[[@LINE+1]]:3: warning: address of local variable 'a' is inserted into a container that is returned from 'initializerList'{{.*}} [escape-container]
  return v;
}

std::vector<std::string_view> viewsOfALocalString() {
  std::string s = "x";
  std::vector<std::string_view> v;
  v.push_back(s);
  // CHECK: escape-container.cpp:[[@LINE+1]]:3: warning: address of local variable 's' is inserted into a container that is returned from 'viewsOfALocalString'{{.*}} [escape-container]
  return v;
}

std::vector<std::function<int()>> referenceCapturingCallbacks() {
  int x = 0;
  std::vector<std::function<int()>> v;
  v.push_back([&x] { return x; });
  // CHECK: escape-container.cpp:[[@LINE+2]]:3: warning: address of local variable 'x' is inserted into a container that is returned from 'referenceCapturingCallbacks'{{.*}} [escape-container]
  // CHECK: note: the lambda captures 'x' by reference
  return v;
}

// Through a function of the program that does the insertion.
void add(std::vector<int *> &v, int *p) { v.push_back(p); }

std::vector<int *> throughAHelper() {
  int y = 0;
  std::vector<int *> v;
  add(v, &y);
  // CHECK: escape-container.cpp:[[@LINE+2]]:3: warning: address of local variable 'y' is inserted into a container that is returned from 'throughAHelper'{{.*}} [escape-container]
  // CHECK: note: passed to parameter 'p' of 'add', which stores it in what 'v' points to
  return v;
}

struct Queue {
  std::vector<int *> items;
  void put(int *p) { items.push_back(p); }
};

Queue g_queue;

void throughAMethod() {
  int z = 0;
  // CHECK: escape-container.cpp:[[@LINE+2]]:3: warning: address of local variable 'z' is inserted into a container that is stored in 'g_queue'{{.*}} [escape-container]
  // CHECK: note: passed to parameter 'p' of 'Queue::put', which stores it in the object it is called on
  g_queue.put(&z);
}
