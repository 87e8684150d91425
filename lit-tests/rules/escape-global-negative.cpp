// RUN: %escape %s -- %std | count 0
// RUN: %escape --interprocedural %s -- %std | count 0
// Negative cases for escape-global: globals and statics that hold addresses
// of objects that live long enough, or that are cleared before the local dies.

int *g_ptr;
int g_value;
void use();

struct Config {
  int *slot;
  int n;
};
Config g_config;

void resetBeforeReturning() {
  int x = 0;
  g_ptr = &x;
  use();
  g_ptr = nullptr;
}

void resetOnEveryPath(bool early) {
  int x = 0;
  g_config.slot = &x;
  if (early) {
    use();
    g_config.slot = nullptr;
    return;
  }
  use();
  g_config.slot = nullptr;
}

void repointedToGlobalBeforeReturning() {
  int x = 0;
  g_ptr = &x;
  use();
  g_ptr = &g_value;
}

void storeAddressOfStaticLocal() {
  static int counter;
  g_ptr = &counter;
}

void storeHeapAllocation() { g_ptr = new int(1); }

void storeValueNotAddress() {
  int x = 5;
  int *p = &x;
  g_value = *p;
}

void storeParameterPointer(int *p) { g_ptr = p; }

void writeThroughGlobalPointer() {
  int x = 7;
  if (g_ptr)
    *g_ptr = x;
}

void staticLocalInitializedByValue() {
  int x = 3;
  static int cached = x;
  (void)cached;
}

void storeElementOfStaticArray() {
  static int arr[4];
  g_ptr = &arr[2];
}

void localShadowsGlobal() {
  int x = 0;
  int *g_ptr = &x;
  *g_ptr = 1;
}

struct Registry {
  static int *current;
  static int storage;
};
int *Registry::current;
int Registry::storage;

void staticMemberPointsToStaticMember() {
  Registry::current = &Registry::storage;
}

thread_local int t_slot;
thread_local int *t_current;

void threadLocalPointsToThreadLocal() { t_current = &t_slot; }

// A global nothing in the program reads: the stored address is never used
// (re2's hooks::context), whether the store is direct or in a callee. With
// internal linkage no other unit can read it either.
static const void *g_context;

void storedWhereNothingReads() {
  int state = 0;
  g_context = &state;
}

struct Matcher {
  int state = 0;
  void match() { g_context = this; }
};

void matchedOnALocal() {
  Matcher m;
  m.match();
}
