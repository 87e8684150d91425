// The array form keeps the array type (sizeof, range-for, decay), and the
// by-value parameter form copies the caller's value to the GC heap on entry
// under the parameter's name. The fixed file compiles, runs correctly against
// the runtime, and cxx-escape finds nothing left in it.
// RUN: grep -v '^ *// [A-Z][A-Z-]*:' %s > %t.cpp
// RUN: %expect-exit 1 %cxx-escape --quiet --fix %t.cpp -- %std > %t.out
// RUN: %FileCheck --check-prefix=CHECK-FIXES --strict-whitespace %s < %t.cpp
// RUN: %FileCheck --check-prefix=NOTES %s < %t.out
// RUN: %clangxx %std -isystem %gc-include %t.cpp %gc-lib -lpthread -o %t.exe
// RUN: %t.exe | %FileCheck --check-prefix=RUN-OUT %s
// RUN: %cxx-escape --quiet %t.cpp -- %std -isystem %gc-include

#include <cstdio>
#include <string>
// CHECK-FIXES: {{^}}#include <string>{{$}}
// CHECK-FIXES-NEXT: {{^}}#include "gc/gc.h"{{$}}

char *label(int N) {
  char Buffer[16];
  // CHECK-FIXES: {{^}}  char (&Buffer)[16] = *reinterpret_cast<char (*)[16]>(gc::make_array<char>(16));{{$}}
  std::snprintf(Buffer, sizeof Buffer, "n=%d", N);
  return Buffer;
}

const std::string *Longest = nullptr;
void consider(std::string Word) {
  // CHECK-FIXES: {{^}}void consider(std::string Word_arg) {{[{]}}{{$}}
  // CHECK-FIXES-NEXT: {{^}}  std::string &Word = *gc::make<std::string>(static_cast<std::string &&>(Word_arg));{{$}}
  if (!Longest || Word.size() > Longest->size())
    Longest = &Word;
}

const int *identity(const int N) { return &N; }
// CHECK-FIXES: {{^}}const int *identity(const int N_arg) { const int &N = *gc::make<int>(N_arg); return &N; }{{$}}

int main() {
  char *L = label(42);
  consider("nuts");
  consider("washers");
  std::printf("%s %s %d\n", L, Longest->c_str(), *identity(4));
  return 0;
}
// RUN-OUT: n=42 washers 4

// NOTES: note: fix-it: move the array 'Buffer' to the GC heap (gc::make_array<char>)
// NOTES: note: fix-it: copy the parameter 'Word' to the GC heap on entry (gc::make<std::string>)
