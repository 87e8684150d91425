// RUN: %not %escape --unknown-calls=escape %s -- %std | %FileCheck %s --implicit-check-not=warning:
// The configuration file's key does the same as the option.
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/escape-unknown-call.cpp
// RUN: echo "unknown-calls: escape" > %t/.cxx-escape.yaml
// RUN: %not %escape %t/escape-unknown-call.cpp -- %std | %FileCheck %s --implicit-check-not=warning:
// Positive cases for escape-unknown-call (Go's rule for a function without a
// body): with --unknown-calls=escape, the address of an automatic object
// passed to a function with no body, no model and no attribute escapes.

void consume(int *p);
void consumeRef(const int &r);
void consumeSecond(int n, char *p);
extern void (*g_callback)(int *);

struct Sink {
  void take(int *p);
};

void addressPassed() {
  int x = 0;
  // CHECK: escape-unknown-call.cpp:[[@LINE+3]]:3: warning: address of local variable 'x' is passed to 'consume', which is not analysed and may keep it; 'x' is destroyed when 'addressPassed' returns [escape-unknown-call]
  // CHECK: escape-unknown-call.cpp:[[@LINE-2]]:7: note: 'x' declared here
  // CHECK: escape-unknown-call.cpp:[[@LINE+1]]:3: note: passed to parameter 'p' of 'consume', which is not analysed and may keep it
  consume(&x);
}

void referenceParameter() {
  int y = 0;
  // CHECK: escape-unknown-call.cpp:[[@LINE+2]]:3: warning: address of local variable 'y' is passed to 'consumeRef', which is not analysed and may keep it; 'y' is destroyed when 'referenceParameter' returns [escape-unknown-call]
  // CHECK: note: passed to parameter 'r' of 'consumeRef', which is not analysed and may keep it
  consumeRef(y);
}

void arrayDecays() {
  char buf[8];
  // CHECK: escape-unknown-call.cpp:[[@LINE+2]]:3: warning: address of local variable 'buf' is passed to 'consumeSecond'{{.*}} [escape-unknown-call]
  // CHECK: note: passed to parameter 'p' of 'consumeSecond', which is not analysed and may keep it
  consumeSecond(1, buf);
}

void byValueParameterPassedOn(int v) {
  // CHECK: escape-unknown-call.cpp:[[@LINE+1]]:3: warning: address of parameter 'v' is passed to 'consume'{{.*}}; 'v' is destroyed when 'byValueParameterPassedOn' returns [escape-unknown-call]
  consume(&v);
}

void memberFunction() {
  int w = 0;
  Sink s;
  // The object the function is called on is an argument too.
  // CHECK: escape-unknown-call.cpp:[[@LINE+4]]:3: warning: address of local variable 's' is passed to 'Sink::take'{{.*}} [escape-unknown-call]
  // CHECK: note: the object of 'Sink::take', which is not analysed and may keep it
  // CHECK: escape-unknown-call.cpp:[[@LINE+2]]:3: warning: address of local variable 'w' is passed to 'Sink::take'{{.*}} [escape-unknown-call]
  // CHECK: note: passed to parameter 'p' of 'Sink::take', which is not analysed and may keep it
  s.take(&w);
}

void throughAFunctionPointer() {
  int i = 0;
  // CHECK: escape-unknown-call.cpp:[[@LINE+2]]:3: warning: address of local variable 'i' is passed to an indirect call, which is not analysed and may keep it; 'i' is destroyed when 'throughAFunctionPointer' returns [escape-unknown-call]
  // CHECK: note: passed to parameter '#1' of an indirect call, which is not analysed and may keep it
  g_callback(&i);
}

int innerBlock() {
  int r = 0;
  {
    int x = 1;
    // CHECK: escape-unknown-call.cpp:[[@LINE+1]]:5: warning: address of local variable 'x' is passed to 'consume'{{.*}}; 'x' is destroyed at the end of its scope [escape-unknown-call]
    consume(&x);
    r = x;
  }
  return r;
}

// Regressions: an address carried by a local pointer, and the parameters an
// attribute on another parameter says nothing about.
void consumeBoth([[clang::noescape]] int *a, int *b);
void throughALocalPointer() {
  int z = 0;
  int *p = &z;
  // CHECK: escape-unknown-call.cpp:[[@LINE+1]]:3: warning: address of local variable 'z' is passed to 'consume'{{.*}} [escape-unknown-call]
  consume(p);
}
void otherParameterAttributed() {
  int x = 0, y = 0;
  // CHECK: escape-unknown-call.cpp:[[@LINE+1]]:3: warning: address of local variable 'y' is passed to 'consumeBoth'{{.*}} [escape-unknown-call]
  consumeBoth(&x, &y);
}
