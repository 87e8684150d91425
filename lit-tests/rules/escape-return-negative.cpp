// RUN: %escape %s -- %std | count 0
// Negative cases for escape-return: code that looks like it returns the
// address of a local but is correct C++. None of them may be reported.

#include <memory>
#include <utility>

int g_counter;

int sumThroughLocalPointer() {
  int arr[4] = {1, 2, 3, 4};
  int *p = arr;
  int sum = 0;
  for (int i = 0; i < 4; ++i)
    sum += p[i];
  return sum;
}

int valueLoadedThroughPointer() {
  int x = 42;
  int *p = &x;
  return *p;
}

int valueThroughReference() {
  int x = 1;
  int &r = x;
  r += 2;
  return r;
}

int *addressOfStaticLocal() {
  static int counter = 0;
  ++counter;
  return &counter;
}

int *addressOfGlobal() { return &g_counter; }

thread_local int t_slot;
int &referenceToThreadLocal() { return t_slot; }

int *heapAllocation() {
  int *p = new int(5);
  *p += 1;
  return p;
}

std::unique_ptr<int> ownedHeapObject() {
  auto p = std::make_unique<int>(3);
  return p;
}

int lifetimeExtendedTemporaryReturnedByValue() {
  const int &r = 5;
  return r;
}

int *parameterPassedThrough(int *p) { return p; }

int &referenceParameterPassedThrough(int &r) { return r; }

int *elementOfCallerArray(int (&a)[4]) { return &a[1]; }

int *pointerIntoCallerBuffer(int *base, int n) { return base + n; }

const char *stringLiteral() { return "hello"; }

struct Span {
  int *data;
  int size;
};

Span structCopyWithoutLocalAddress(int *q) {
  int scratch = 0;
  Span local{&scratch, 0};
  local.size = scratch + 1;
  return Span{q, local.size};
}

int *conditionalWithoutLocals(bool b, int *q) {
  int unused = 0;
  (void)unused;
  return b ? q : &g_counter;
}

int *stdMoveOfParameter(int *p) {
  int x = 0;
  int *tmp = &x;
  *tmp = 1;
  return std::move(p);
}

struct Widget {
  int value;
  int *valuePtr() { return &value; }
  int &valueRef() { return value; }
};

bool comparedWithLocalAddress(int *q) {
  int x = 0;
  return q == &x;
}

long distanceInsideLocalArray() {
  int arr[8] = {};
  int *p = arr + 3;
  return p - arr;
}

unsigned long sizeOfAddress() {
  int x = 0;
  return sizeof(&x);
}

int valueThroughStdAddressof() {
  int x = 1;
  return *std::addressof(x);
}

bool pointerConvertedToBool() {
  int x = 0;
  int *p = &x;
  return p;
}

const char *elementOfLocalArrayOfLiterals(int k) {
  const char *names[] = {"a", "b", "c"};
  return names[k];
}

int *elementOfLocalArrayOfCallerPointers(int *a, int *b, int k) {
  int *ptrs[2] = {a, b};
  return ptrs[k];
}

int *memberOfLocalStructHoldingCallerPointer(int *a) {
  struct {
    int *p;
    int n;
  } s{a, 1};
  return s.p;
}
