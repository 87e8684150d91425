// RUN: %not %escape %s -- %std | %FileCheck %s --implicit-check-not=warning:
// Positive cases for escape-global: the address of an automatic object is
// stored in a namespace-scope, static, static member or thread_local variable
// and is never cleared, so it dangles once the function returns.

int *g_ptr;
const int *g_cptr;
int *g_table[4];
int **g_pp;

struct Config {
  int *slot;
  int n;
};
Config g_config;

void storeInGlobal() {
  int x = 0;
  // CHECK: escape-global.cpp:[[@LINE+1]]:3: warning: address of local variable 'x' is stored in global 'g_ptr'; 'x' is destroyed when 'storeInGlobal' returns [escape-global]
  g_ptr = &x;
}

void staticLocalInitializedWithAddress() {
  int x = 0;
  // CHECK: escape-global.cpp:[[@LINE+1]]:15: warning: address of local variable 'x' is stored in static 'cache'{{.*}} [escape-global]
  static int *cache = &x;
  (void)cache;
}

void staticLocalAssigned() {
  int x = 0;
  static int *cache;
  // CHECK: escape-global.cpp:[[@LINE+1]]:3: warning: address of local variable 'x' is stored in static 'cache'{{.*}} [escape-global]
  cache = &x;
  if (*cache)
    return;
}

thread_local int *t_current;

void storeInThreadLocal() {
  int frame = 0;
  // CHECK: escape-global.cpp:[[@LINE+1]]:3: warning: address of local variable 'frame'{{.*}} [escape-global]
  t_current = &frame;
}

struct Registry {
  static int *current;
};
int *Registry::current;

void storeInStaticMember() {
  int x = 0;
  // CHECK: escape-global.cpp:[[@LINE+1]]:3: warning: address of local variable 'x' is stored in static member 'Registry::current'{{.*}} [escape-global]
  Registry::current = &x;
}

void storeInGlobalStructField() {
  int x = 0;
  // CHECK: escape-global.cpp:[[@LINE+1]]:3: warning: address of local variable 'x' is stored in global 'g_config'{{.*}} [escape-global]
  g_config.slot = &x;
}

void storeInGlobalArrayElement(int i) {
  int x = 0;
  // CHECK: escape-global.cpp:[[@LINE+1]]:3: warning: address of local variable 'x' is stored in global 'g_table'{{.*}} [escape-global]
  g_table[i] = &x;
}

void chainThenStore() {
  int buf[8];
  int *p = buf;
  int *q = p + 1;
  // CHECK: escape-global.cpp:[[@LINE+1]]:3: warning: address of local variable 'buf' is stored in global 'g_ptr'{{.*}} [escape-global]
  g_ptr = q;
}

void arrayDecaysIntoGlobal() {
  char line[64];
  line[0] = '\0';
  // CHECK: escape-global.cpp:[[@LINE+1]]:3: warning: address of local variable 'line'{{.*}} [escape-global]
  g_cptr = reinterpret_cast<const int *>(line);
}

void conditionalOperatorIntoGlobal(bool b) {
  int x = 0;
  static int fallback;
  // CHECK: escape-global.cpp:[[@LINE+1]]:3: warning: address of local variable 'x' is stored in global 'g_ptr'{{.*}} [escape-global]
  g_ptr = b ? &x : &fallback;
}

void throughReferenceToGlobal() {
  int x = 0;
  int *&slot = g_ptr;
  // CHECK: escape-global.cpp:[[@LINE+1]]:3: warning: address of local variable 'x' is stored in 'slot'{{.*}} [escape-global]
  slot = &x;
}

void addressOfLocalPointer() {
  int *p = nullptr;
  // CHECK: escape-global.cpp:[[@LINE+1]]:3: warning: address of local variable 'p' is stored in global 'g_pp'{{.*}} [escape-global]
  g_pp = &p;
}

void addressOfParameter(int v) {
  // CHECK: escape-global.cpp:[[@LINE+1]]:3: warning: address of parameter 'v' is stored in global 'g_cptr'{{.*}} [escape-global]
  g_cptr = &v;
}

void storeThroughGlobalPointerToPointer() {
  int x = 0;
  // CHECK: escape-global.cpp:[[@LINE+1]]:3: warning: address of local variable 'x' is stored in '*g_pp'{{.*}} [escape-global]
  *g_pp = &x;
}

namespace detail {
int *inner;
}

void storeInNamespaceGlobal() {
  int x = 0;
  // CHECK: escape-global.cpp:[[@LINE+1]]:3: warning: address of local variable 'x' is stored in global 'detail::inner'{{.*}} [escape-global]
  detail::inner = &x;
}

void resetOnOnlyOnePath(bool b) {
  int x = 0;
  // CHECK: escape-global.cpp:[[@LINE+1]]:3: warning: address of local variable 'x' is stored in global 'g_ptr'{{.*}} [escape-global]
  g_ptr = &x;
  if (b)
    g_ptr = nullptr;
}

// A global nothing reads takes addresses without a finding (see
// regressions/unread-globals.cpp): the globals above are read here.
int readAll() {
  return *g_ptr + *g_cptr + *g_table[0] + **g_pp + *g_config.slot +
         *t_current + *Registry::current + *detail::inner;
}
