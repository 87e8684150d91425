// RUN: %not %escape --interprocedural %s -- %std | %FileCheck %s --implicit-check-not=warning:
// Positive cases for escape-view: a pointer, reference, iterator or view into
// the storage of an automatic owner (string, vector, array, deque, optional,
// map, local array) outlives the owner.

#include <array>
#include <deque>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

std::string_view stringViewReturned() {
  std::string s = "abc";
  // CHECK: escape-view.cpp:[[@LINE+3]]:3: warning: a view into local variable 's' is returned from 'stringViewReturned'; 's' is destroyed when 'stringViewReturned' returns [escape-view]
  // CHECK: escape-view.cpp:[[@LINE-2]]:15: note: 's' declared here
  // CHECK: escape-view.cpp:[[@LINE+1]]:10: note: the object of 'std::basic_string::operator basic_string_view', which returns it
  return s;
}

const char *cStrReturned() {
  std::string s = "abc";
  // CHECK: escape-view.cpp:[[@LINE+2]]:3: warning: a view into local variable 's' is returned from 'cStrReturned'; 's' is destroyed when 'cStrReturned' returns [escape-view]
  // CHECK: note: the object of 'std::basic_string::c_str', which returns it
  return s.c_str();
}

int *vectorDataReturned() {
  std::vector<int> v(4);
  // CHECK: escape-view.cpp:[[@LINE+1]]:3: warning: a view into local variable 'v' is returned from 'vectorDataReturned'{{.*}} [escape-view]
  return v.data();
}

std::vector<int>::iterator iteratorReturned() {
  std::vector<int> v(4);
  auto i = v.begin();
  ++i;
  // CHECK: escape-view.cpp:[[@LINE+3]]:3: warning: a view into local variable 'v' is returned from 'iteratorReturned'{{.*}} [escape-view]
  // CHECK: note: the object of 'std::vector::begin', which returns it
  // CHECK: note: 'i' receives the result of 'std::vector::begin'
  return i;
}

int &elementReferenceReturned() {
  std::vector<int> v(4);
  // CHECK: escape-view.cpp:[[@LINE+1]]:3: warning: a view into local variable 'v' is returned from 'elementReferenceReturned'{{.*}} [escape-view]
  return v.front();
}

int &dequeElementReturned() {
  std::deque<int> d{1};
  // CHECK: escape-view.cpp:[[@LINE+1]]:3: warning: a view into local variable 'd' is returned from 'dequeElementReturned'{{.*}} [escape-view]
  return d.front();
}

std::span<int> spanOfAStdArray() {
  std::array<int, 4> a{};
  // CHECK: escape-view.cpp:[[@LINE+1]]:10: warning: a view into local variable 'a' is returned from 'spanOfAStdArray'{{.*}} [escape-view]
  return std::span<int>(a);
}

std::span<int> spanOfALocalArray() {
  int a[4] = {};
  // CHECK: escape-view.cpp:[[@LINE+1]]:10: warning: a view into local variable 'a' is returned from 'spanOfALocalArray'{{.*}} [escape-view]
  return std::span<int>(a);
}

const int *optionalValueAddress() {
  std::optional<int> o = 3;
  // CHECK: escape-view.cpp:[[@LINE+1]]:3: warning: a view into local variable 'o' is returned from 'optionalValueAddress'{{.*}} [escape-view]
  return &*o;
}

std::string_view substringOfALocalView() {
  std::string s = "abc";
  std::string_view sv = s;
  // CHECK: escape-view.cpp:[[@LINE+1]]:3: warning: a view into local variable 's' is returned from 'substringOfALocalView'{{.*}} [escape-view]
  return sv.substr(1);
}

std::string_view byValueParameter(std::string s) {
  // CHECK: escape-view.cpp:[[@LINE+1]]:3: warning: a view into parameter 's' is returned from 'byValueParameter'; 's' is destroyed when 'byValueParameter' returns [escape-view]
  return s;
}

const char *g_name;

void dataStoredInAGlobal() {
  std::string s = "abc";
  // CHECK: escape-view.cpp:[[@LINE+1]]:3: warning: a view into local variable 's' is stored in global 'g_name'; 's' is destroyed when 'dataStoredInAGlobal' returns [escape-view]
  g_name = s.data();
}

struct Holder {
  std::string_view sv;
  void viewStoredInAMember() {
    std::string s = "abc";
    // CHECK: escape-view.cpp:[[@LINE+1]]:5: warning: a view into local variable 's' is stored in member 'sv' of '*this'; 's' is destroyed when 'Holder::viewStoredInAMember' returns [escape-view]
    sv = s;
  }
};

void viewStoredThroughAParameter(std::string_view *out) {
  std::string s = "abc";
  // CHECK: escape-view.cpp:[[@LINE+1]]:3: warning: a view into local variable 's' is stored in '*out' through parameter 'out'; 's' is destroyed when 'viewStoredThroughAParameter' returns [escape-view]
  *out = s;
}

void mapIteratorThroughAParameter(std::map<int, int>::iterator &out) {
  std::map<int, int> m{{1, 2}};
  // CHECK: escape-view.cpp:[[@LINE+1]]:3: warning: a view into local variable 'm' is stored in 'out' through parameter 'out'{{.*}} [escape-view]
  out = m.find(1);
}

size_t viewReadAfterTheBlock() {
  std::string_view sv;
  {
    std::string s = "abc";
    // CHECK: escape-view.cpp:[[@LINE+1]]:5: warning: a view into local variable 's' is kept in 'sv', which outlives the scope of 's'; 's' is destroyed at the end of its scope [escape-view]
    sv = s;
  }
  return sv.size();
}

// Through a function of the program that returns a view of its argument.
std::string_view firstName(const std::string &s) { return s; }

std::string_view throughAHelper() {
  std::string s = "abc";
  // CHECK: escape-view.cpp:[[@LINE+2]]:3: warning: a view into local variable 's' is returned from 'throughAHelper'{{.*}} [escape-view]
  // CHECK: note: passed to parameter 's' of 'firstName', which returns it
  return firstName(s);
}

std::string_view lifetimebound(const std::string &s [[clang::lifetimebound]]);

std::string_view throughALifetimeboundParameter() {
  std::string s = "abc";
  // CHECK: escape-view.cpp:[[@LINE+1]]:3: warning: a view into local variable 's' is returned from 'throughALifetimeboundParameter'{{.*}} [escape-view]
  return lifetimebound(s);
}

// A global nothing reads keeps nothing anyone can use: this one is read.
char firstOfName() { return *g_name; }
