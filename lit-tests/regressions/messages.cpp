// The words of the messages: member names, parameters, captured pointers,
// extended temporaries and block scopes.
// RUN: %not %escape %s -- %std | %FileCheck %s --implicit-check-not=warning:
#include <initializer_list>

struct Result {
  const char *msg;
};

struct Counter {
  int *counter;
  void viaThis() {
    int n = 0;
    // CHECK: messages.cpp:[[@LINE+1]]:5: warning: address of local variable 'n' is stored in member 'counter' of '*this'; 'n' is destroyed when 'Counter::viaThis' returns [escape-member]
    this->counter = &n;
  }
  void viaStarThis() {
    int n = 0;
    // CHECK: messages.cpp:[[@LINE+1]]:5: warning: address of local variable 'n' is stored in member 'counter' of '*this'; 'n' is destroyed when 'Counter::viaStarThis' returns [escape-member]
    (*this).counter = &n;
  }
};

void fill(Result &r) {
  char buf[8] = "oops";
  // CHECK: messages.cpp:[[@LINE+1]]:3: warning: address of local variable 'buf' is stored in 'r.msg' through parameter 'r'; 'buf' is destroyed when 'fill' returns [escape-outparam]
  r.msg = buf;
}

auto capturedPointer() {
  int x = 0;
  int *p = &x;
  // CHECK: messages.cpp:[[@LINE+1]]:3: warning: lambda holding the address of local variable 'x' is returned from 'capturedPointer'; 'x' is destroyed when 'capturedPointer' returns [escape-lambda]
  return [p] { return *p; };
}

std::initializer_list<int> extended() {
  std::initializer_list<int> il = {1, 2, 3};
  // CHECK: messages.cpp:[[@LINE+1]]:3: warning: address of temporary 'const int[3]' bound to 'il' is returned from 'extended'; the temporary is destroyed when 'extended' returns [escape-return]
  return il;
}

void throwFromBlock(bool c) {
  if (c) {
    int x = 0;
    // CHECK: messages.cpp:[[@LINE+1]]:5: warning: address of local variable 'x' is thrown out of 'throwFromBlock'; 'x' is destroyed at the end of its scope [escape-throw]
    throw &x;
  }
}

// A destination written inside a macro is named from the expression.
struct Link {
  Link *next;
};
struct Chain {
  Link *tail;
};
#define APPEND_LOCAL(chain)                                                    \
  do {                                                                         \
    Link l = {nullptr};                                                        \
    (chain)->tail->next = &l;                                                  \
  } while (0)
struct Appender {
  Chain *chain;
  void append() {
    // CHECK: messages.cpp:[[@LINE+1]]:5: warning: address of local variable 'l' is stored in member '(chain)->tail->next' of '*this'; 'l' is destroyed at the end of its scope [escape-member]
    APPEND_LOCAL(chain);
  }
};
