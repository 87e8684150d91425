// RUN: %not %escape --interprocedural %s -- %std | %FileCheck %s --implicit-check-not=warning:
// The configuration file's key does the same as the option.
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/through-calls.cpp
// RUN: echo "interprocedural: false" > %t/.cxx-escape.yaml
// RUN: %escape %t/through-calls.cpp -- %std | count 0
// RUN: echo "interprocedural: true" > %t/.cxx-escape.yaml
// RUN: %not %escape %t/through-calls.cpp -- %std | %FileCheck %s --implicit-check-not=warning:
// It is the default; turned off, calls are not looked into.
// RUN: %not %escape %s -- %std | %FileCheck %s --implicit-check-not=warning:
// RUN: %escape --interprocedural=false %s -- %std | count 0
// Every rule fires through a callee with a body: its summary says what it
// does with each argument, and the last note walks through the call. The
// second half holds callees that keep nothing, which must stay quiet.

#include <functional>

// escape-return: a callee returns its parameter.
int *id(int *p) { return p; }
int *id2(int *p) { return id(p); }

int *returnedThroughId() {
  int x = 0;
  // CHECK: through-calls.cpp:[[@LINE+3]]:3: warning: address of local variable 'x' is returned from 'returnedThroughId'; 'x' is destroyed when 'returnedThroughId' returns [escape-return]
  // CHECK: through-calls.cpp:[[@LINE-2]]:7: note: 'x' declared here
  // CHECK: through-calls.cpp:[[@LINE+1]]:10: note: passed to parameter 'p' of 'id', which returns it
  return id(&x);
}

int *returnedThroughAChain() {
  int x = 0;
  // CHECK: through-calls.cpp:[[@LINE+2]]:3: warning: address of local variable 'x' is returned from 'returnedThroughAChain'{{.*}} [escape-return]
  // CHECK: note: passed to parameter 'p' of 'id2', which returns it
  return id2(&x);
}

int *recursive(int *p, int n) { return n ? recursive(p, n - 1) : p; }

int *returnedThroughRecursion() {
  int x = 0;
  // CHECK: through-calls.cpp:[[@LINE+1]]:3: warning: address of local variable 'x' is returned from 'returnedThroughRecursion'{{.*}} [escape-return]
  return recursive(&x, 3);
}

template <class T> T *templateId(T *p) { return p; }

double *returnedThroughATemplate() {
  double d = 0;
  // CHECK: through-calls.cpp:[[@LINE+1]]:3: warning: address of local variable 'd' is returned from 'returnedThroughATemplate'{{.*}} [escape-return]
  return templateId(&d);
}

struct Holder {
  int *p;
  Holder(int *q) : p(q) {}
};

Holder returnedInAnObjectBuiltByAConstructor() {
  int x = 0;
  Holder h(&x);
  // CHECK: through-calls.cpp:[[@LINE+2]]:3: warning: address of local variable 'x' is returned from 'returnedInAnObjectBuiltByAConstructor'{{.*}} [escape-return]
  // CHECK: note: passed to parameter 'q' of 'Holder::Holder', which stores it in the new object
  return h;
}

// escape-global: a setter stores its parameter in a global.
int *g_slot;
void setGlobal(int *p) { g_slot = p; }

void storedByASetter() {
  int y = 0;
  // CHECK: through-calls.cpp:[[@LINE+2]]:3: warning: address of local variable 'y' is stored in global 'g_slot'; 'y' is destroyed when 'storedByASetter' returns [escape-global]
  // CHECK: note: passed to parameter 'p' of 'setGlobal', which stores it in global 'g_slot'
  setGlobal(&y);
}

// A virtual call: one of the overriders keeps the address.
struct Base {
  virtual ~Base() = default;
  virtual void use(int *p) = 0;
};
struct Keeper : Base {
  void use(int *p) override { g_slot = p; }
};
struct Reader : Base {
  void use(int *p) override { (void)*p; }
};

void storedByAnOverrider(Base &b) {
  int v = 0;
  // CHECK: through-calls.cpp:[[@LINE+2]]:3: warning: address of local variable 'v' is stored in global 'g_slot'; 'v' is destroyed when 'storedByAnOverrider' returns [escape-global]
  // CHECK: note: passed to parameter 'p' of 'Base::use', which stores it in global 'g_slot'
  b.use(&v);
}

// escape-member: a member function stores its parameter in *this.
struct Cursor {
  int *p = nullptr;
  void set(int *q) { p = q; }

  // The holder's words are not checked: they name the member 'this' today.
  void storedBySet() {
    int n = 0;
    // CHECK: through-calls.cpp:[[@LINE+2]]:5: warning: address of local variable 'n' is stored in {{.*}}'*this'; 'n' is destroyed when 'Cursor::storedBySet' returns [escape-member]
    // CHECK: note: passed to parameter 'q' of 'Cursor::set', which stores it in the object it is called on
    set(&n);
  }

  void storedByThisArrowSet() {
    int n = 0;
    // CHECK: through-calls.cpp:[[@LINE+1]]:5: warning: address of local variable 'n' is stored in {{.*}}'*this'; 'n' is destroyed when 'Cursor::storedByThisArrowSet' returns [escape-member]
    this->set(&n);
  }
};

// escape-outparam: a helper stores through the caller's pointer.
void store(int **out, int *p) { *out = p; }

void storedThroughAnOutParameter(int **out) {
  int z = 0;
  // CHECK: through-calls.cpp:[[@LINE+2]]:3: warning: address of local variable 'z' is stored in '*out' through parameter 'out'; 'z' is destroyed when 'storedThroughAnOutParameter' returns [escape-outparam]
  // CHECK: note: passed to parameter 'p' of 'store', which stores it in what 'out' points to
  store(out, &z);
}

// escape-scope: a helper keeps the address in a pointer of an outer block.
int keptByAHelperInAnOuterPointer() {
  int *p = nullptr;
  {
    int x = 1;
    // CHECK: through-calls.cpp:[[@LINE+2]]:5: warning: address of local variable 'x' is kept in 'p', which outlives the scope of 'x'; 'x' is destroyed at the end of its scope [escape-scope]
    // CHECK: note: passed to parameter 'p' of 'store', which stores it in what 'out' points to
    store(&p, &x);
  }
  return *p;
}

// escape-lambda: a helper keeps the closure, or returns it.
std::function<int()> g_callback;
void registerCallback(std::function<int()> f) { g_callback = std::move(f); }

void lambdaKeptByAHelper() {
  int c = 0;
  // CHECK: through-calls.cpp:[[@LINE+3]]:3: warning: lambda capturing local variable 'c' by reference is stored in global 'g_callback'; 'c' is destroyed when 'lambdaKeptByAHelper' returns [escape-lambda]
  // CHECK: note: the lambda captures 'c' by reference
  // CHECK: note: passed to parameter 'f' of 'registerCallback', which stores it in global 'g_callback'
  registerCallback([&c] { return c; });
}

std::function<int()> wrap(std::function<int()> f) { return f; }

std::function<int()> lambdaReturnedThroughAHelper() {
  int k = 0;
  // CHECK: through-calls.cpp:[[@LINE+2]]:3: warning: lambda capturing local variable 'k' by reference is returned from 'lambdaReturnedThroughAHelper'{{.*}} [escape-lambda]
  // CHECK: note: passed to parameter 'f' of 'wrap', which returns it
  return wrap([&k] { return k; });
}

// escape-temporary: a reference to a temporary comes back from a call.
const int &pick(const int &a) { return a; }

int temporaryReturnedByPick() {
  // CHECK: through-calls.cpp:[[@LINE+3]]:14: warning: temporary 'int' is destroyed at the end of the full-expression, but its address is kept in 'r' [escape-temporary]
  // CHECK: through-calls.cpp:[[@LINE+2]]:23: note: the temporary is created here
  // CHECK: through-calls.cpp:[[@LINE+1]]:18: note: passed to parameter 'a' of 'pick', which returns it
  const int &r = pick(1);
  return r;
}

// escape-throw: a helper wraps the address into the exception object.
struct Error {
  const char *msg;
};
Error makeError(const char *m) { return Error{m}; }

void thrownThroughAHelper() {
  char buf[8] = "oops";
  // CHECK: through-calls.cpp:[[@LINE+2]]:3: warning: address of local variable 'buf' is thrown out of 'thrownThroughAHelper'; 'buf' is destroyed when 'thrownThroughAHelper' returns [escape-throw]
  // CHECK: note: passed to parameter 'm' of 'makeError', which returns it
  throw makeError(buf);
}

// Negative cases: callees that keep nothing.

int readOnly(const int *p) { return *p; }

int onlyRead() {
  int x = 1;
  return readOnly(&x);
}

int g_value;
void overwrite(int *p) {
  g_slot = p;
  g_slot = &g_value;
}

void overwrittenBeforeTheCalleeReturns() {
  int y = 0;
  overwrite(&y);
}

int *returnsTheOtherOne(int *p, int *fallback) { return fallback; }

int *onlyTheCallersPointerComesBack(int *caller) {
  int z = 0;
  return returnsTheOtherOne(&z, caller);
}

// A virtual call whose overriders only read.
struct Visitor {
  virtual ~Visitor() = default;
  virtual int visit(int *p) = 0;
};
struct Summer : Visitor {
  int visit(int *p) override { return *p; }
};
struct Checker : Visitor {
  int visit(int *p) override { return p ? 1 : 0; }
};

int overridersDoNotKeepIt(Visitor &v) {
  int x = 0;
  return v.visit(&x);
}

void callNow(const std::function<int()> &f) { f(); }

void lambdaOnlyCalled() {
  int c = 0;
  callNow([&c] { return c; });
}

int pickValue(const int &a) { return a; }

int temporaryCopied() { return pickValue(1); }

int storedIntoALocalPointer() {
  int x = 3;
  int *q = nullptr;
  store(&q, &x);
  return *q;
}

int *deref(int **pp) { return *pp; }

int *onlyTheCallersPointerLoaded(int *caller) {
  int *p = caller;
  return deref(&p);
}

Error errorFromALiteral() { return makeError("static text"); }

// A global nothing reads keeps nothing anyone can use: this one is read.
int readSlot() { return *g_slot; }
