// Each form of local declaration gets the rewrite that keeps its uses: a
// reference of the same name to an object gc::make allocates. The fixed file
// compiles against the runtime, and cxx-escape finds nothing left in it.
// RUN: grep -v '^ *// [A-Z][A-Z-]*:' %s > %t.cpp
// RUN: %expect-exit 1 %cxx-escape --quiet --fix %t.cpp -- %std > %t.out
// RUN: %FileCheck --check-prefix=NOTES %s < %t.out
// RUN: %FileCheck --check-prefix=CHECK-FIXES --strict-whitespace %s < %t.cpp
// RUN: %clangxx %std -fsyntax-only -isystem %gc-include %t.cpp
// RUN: %cxx-escape --quiet %t.cpp -- %std -isystem %gc-include

// CHECK-FIXES: {{^}}#include <string>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include <vector>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include "gc/gc.h"{{$}}
// CHECK-FIXES-NOT: gc/gc.h
#include <string>
#include <vector>

struct Point {
  int X, Y;
};
struct Widget {
  Widget(int V, const char *Name) : V(V), Name(Name) {}
  int V;
  const char *Name;
};

int *defaultInit() {
  int Count;
  // CHECK-FIXES: {{^}}  int &Count = *gc::make<int>();{{$}}
  Count = 3;
  return &Count;
}

Point *aggregateBraces() {
  Point P{1, 2};
  // CHECK-FIXES: {{^}}  Point &P = *gc::make<Point>(Point{1, 2});{{$}}
  return &P;
}

Widget *constructorArguments() {
  Widget W(7, "seven");
  // CHECK-FIXES: {{^}}  Widget &W = *gc::make<Widget>(7, "seven");{{$}}
  return &W;
}

const std::string *copyInitialized(const char *Text) {
  const std::string S = Text;
  // CHECK-FIXES: {{^}}  const std::string &S = *gc::make<std::string>(Text);{{$}}
  return &S;
}

std::vector<int> *initializerList() {
  std::vector<int> V{1, 2, 3};
  // CHECK-FIXES: {{^}}  std::vector<int> &V = *gc::make<std::vector<int>>(std::vector<int>{1, 2, 3});{{$}}
  return &V;
}

double *deducedType(double D) {
  auto Half = D / 2;
  // CHECK-FIXES: {{^}}  auto &Half = *gc::make<double>(D / 2);{{$}}
  return &Half;
}

int *Kept;
void secondDeclarator() {
  int Quiet = 0, Loud = 1;
  // CHECK-FIXES: {{^}}  int Quiet = 0, &Loud = *gc::make<int>(1);{{$}}
  Kept = &Loud;
  (void)Quiet;
}

int **pointerVariable(int *Target) {
  int *P = Target;
  // CHECK-FIXES: {{^}}  int *&P = *gc::make<int *>(Target);{{$}}
  return &P;
}

// NOTES: warning: address of local variable 'Count' is returned
// NOTES: note: fix-it: move 'Count' to the GC heap (gc::make<int>)
// NOTES-NEXT: {{^}}#include "gc/gc.h"{{$}}
// NOTES-NEXT: {{^}}  int &Count = *gc::make<int>();{{$}}
// NOTES: note: fix-it: move 'P' to the GC heap (gc::make<Point>)
// NOTES-NOT: no fix-it
int readKept() { return Kept ? 1 : 0; } // read: it keeps what it takes
