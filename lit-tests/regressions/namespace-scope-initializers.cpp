// Initializers of namespace-scope variables are lowered too: a temporary
// bound there dies at the end of the initializer.
// RUN: %not %escape %s -- %std | %FileCheck %s --implicit-check-not=warning:
struct RefAgg {
  const int &r;
};

// CHECK: namespace-scope-initializers.cpp:[[@LINE+1]]:8: warning: temporary 'int' is destroyed at the end of the full-expression, but its address is stored in global 'g_agg' [escape-temporary]
RefAgg g_agg(1);

// CHECK: namespace-scope-initializers.cpp:[[@LINE+1]]:12: warning: temporary 'int' is destroyed at the end of the full-expression, but its address is stored in global 'g_p' [escape-temporary]
const int *g_p = &static_cast<const int &>(5);

// Lifetime-extended by a reference with static storage: fine.
const int &g_ref = 7;
RefAgg g_braced{8};
int g_int = 3;
int *g_addr = &g_int;

// A global nothing reads keeps nothing anyone can use: these are read.
int readGlobals() { return g_agg.r + *g_p + g_ref + g_braced.r + *g_addr; }
