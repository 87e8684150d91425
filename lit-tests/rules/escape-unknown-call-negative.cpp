// Without --unknown-calls=escape (the default, ignore) unknown calls keep
// nothing: neither this file nor the positive cases report anything.
// RUN: %escape %s -- %std | count 0
// RUN: %escape %S/escape-unknown-call.cpp -- %std | count 0
// RUN: %escape --unknown-calls=ignore %S/escape-unknown-call.cpp -- %std | count 0
// With the option, calls that are known (a body, a model, an attribute) and
// arguments that carry no address are still not reported.
// RUN: %escape --unknown-calls=escape %s -- %std -DESCAPE_POLICY | count 0

#include <string>
#include <cstdio>
#include <cstring>
#include <vector>

void keepsNothing([[clang::noescape]] int *p);
int valueOnly(int v);
const int &lifetimebound(const int &a [[clang::lifetimebound]]);

void noescapeParameter() {
  int n = 0;
  keepsNothing(&n);
}

void valueArgument() {
  int j = 0;
  valueOnly(j);
}

int lifetimeboundUsedInScope() {
  int x = 0;
  return lifetimebound(x);
}

// A body the tool sees: its summary is used instead.
int readsOnly(const int *p) { return *p; }

int calleeWithABody() {
  int x = 1;
  return readsOnly(&x);
}

// Library models: these calls keep nothing (or only in the local vector).
size_t modelledCalls() {
  char buf[8] = "x";
  std::printf("%s\n", buf);
  size_t n = std::strlen(buf);
  std::vector<int *> v;
  int k = 0;
  v.push_back(&k);
  return n + v.size();
}

#ifndef ESCAPE_POLICY
void consume(int *p);

void unknownCallWithoutTheOption() {
  int x = 0;
  consume(&x);
}
// Library code is known through models only: the standard library's own
// members are never unknown calls (a range-for's iterator, a string's
// allocator).
int total;
void libraryInternals() {
  std::string s = "abc";
  std::vector<int> v{1, 2};
  for (int x : v)
    total += x;
}
#endif
