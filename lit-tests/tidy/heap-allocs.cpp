// REQUIRES: tidy-module, clang-plugin
// The heap-allocation checks in clang-tidy: on when its -checks names them,
// with the limit of the MaxStackAlloc option.
// RUN: %clang-tidy -load=%tidy-module -checks='-*,escape-heap-to-stack,escape-leak' %s -- %std 2>&1 \
// RUN:   | %FileCheck %s --implicit-check-not=warning:
// RUN: %clang-tidy -load=%tidy-module -checks='-*,escape-heap-to-stack,escape-leak' \
// RUN:   -config='{CheckOptions: {MaxStackAlloc: 4}}' %s -- %std 2>&1 \
// RUN:   | %FileCheck %s --check-prefix=SMALL --implicit-check-not=warning:

struct Point { int x, y; };

int local() {
  // CHECK: heap-allocs.cpp:[[@LINE+1]]:14: warning: heap allocation of 'Point' (8 bytes) never escapes and is deleted on every path; it could live on the stack [escape-heap-to-stack]
  Point *p = new Point{1, 2};
  int r = p->x;
  delete p;
  return r;
}

int lost() {
  // CHECK: heap-allocs.cpp:[[@LINE+2]]:12: warning: memory allocated by 'new int' never escapes and is never deleted [escape-leak]
  // SMALL: heap-allocs.cpp:[[@LINE+1]]:12: warning: memory allocated by 'new int' never escapes and is never deleted [escape-leak]
  int *q = new int(3);
  return *q;
}

// The plugin takes the limit as max-stack-alloc=<bytes>.
// RUN: %clangxx -fsyntax-only -w -fplugin=%clang-plugin -fplugin-arg-escape-checks='-*,escape-heap-to-stack' \
// RUN:   -fplugin-arg-escape-max-stack-alloc=4 %std %s 2>&1 | count 0
// RUN: %clangxx -fsyntax-only -w -fplugin=%clang-plugin -fplugin-arg-escape-checks='-*,escape-heap-to-stack' \
// RUN:   %std %s 2>&1 | %FileCheck %s --check-prefix=PLUGIN-DEFAULT
// PLUGIN-DEFAULT: heap-allocs.cpp:14:14: warning: heap allocation of 'Point' (8 bytes)
