// Escapes that get no fix-it say why and what to do instead: the address
// would live where the collector does not look (memory from new, the
// exception object, a container's buffer, another thread), the destructor
// must run at the end of the scope (a lock, a file), or the declaration
// cannot be rewritten in place. --fix then leaves the file as it was.
// RUN: grep -v '^ *// [A-Z][A-Z-]*:' %s > %t.cpp
// RUN: cp %t.cpp %t.orig
// RUN: %expect-exit 1 %cxx-escape --fix --interprocedural %t.cpp -- %std > %t.out 2> %t.err
// RUN: %FileCheck %s < %t.out
// RUN: %FileCheck --check-prefix=APPLIED %s < %t.err
// RUN: diff %t.orig %t.cpp
// APPLIED: cxx-escape: applied 0 fix-its in 0 files

#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

struct Node {
  int *Value;
};
Node *Root;
void storedInNewMemory() {
  int X = 1;
  Node *N = new Node;
  N->Value = &X;
  Root = N;
}
// CHECK: warning: address of local variable 'X' is stored in heap object 'new Node'
// CHECK: note: no fix-it: the address is stored in memory from 'new Node', which the collector does not scan; allocate that object with gc::make too, or hold the address in a gc::root<T>

void thrown() {
  int Code = 2;
  throw &Code;
}
// CHECK: warning: address of local variable 'Code' is thrown
// CHECK: note: no fix-it: the exception object lives in memory the C++ runtime allocates with malloc, which the collector does not scan; throw a copy instead of an address

std::vector<int *> Registry;
void inContainer() {
  int Entry = 3;
  Registry.push_back(&Entry);
}
// CHECK: warning: address of local variable 'Entry' is inserted into a container
// CHECK: note: no fix-it: the address is kept in a container's storage, which comes from malloc and is not scanned by the collector; store gc::root<T> elements (std::vector<gc::root<T>>) and allocate 'Entry' with gc::make

void worker(int *P) { ++*P; }
void onAnotherThread() {
  int Shared = 4;
  std::thread T(worker, &Shared);
  T.detach();
}
// CHECK: warning: address of local variable 'Shared' is handed to a thread
// CHECK: note: no fix-it: another thread receives the address through memory the collector does not scan

std::mutex M;
std::lock_guard<std::mutex> *Held;
void lockEscapes() {
  std::lock_guard<std::mutex> Guard(M);
  Held = &Guard;
}
// CHECK: warning: address of local variable 'Guard' is stored in global 'Held'
// CHECK: note: no fix-it: the destructor of 'std::lock_guard<std::mutex>' releases a lock, which must happen when 'Guard' goes out of scope; on the GC heap it would run only when the collector finds the object unreachable. Keep 'Guard' on the stack and stop its address from escaping

struct LogFile {
  std::FILE *F;
  ~LogFile() {
    if (F)
      std::fclose(F);
  }
};
LogFile *Current;
void fileEscapes() {
  LogFile Log{nullptr};
  Current = &Log;
}
// CHECK: warning: address of local variable 'Log' is stored in global 'Current'
// CHECK: note: no fix-it: the destructor of 'LogFile' calls 'fclose', which must happen when 'Log' goes out of scope

int *initializedArray() {
  int Table[3] = {1, 2, 3};
  return Table;
}
// CHECK: warning: address of local variable 'Table' is returned
// CHECK: note: no fix-it: an array with an initializer cannot be rewritten in place; declare it as std::array<T, N>, which gc::make can copy

#define DECLARE_ZERO(Name) int Name = 0
int *fromMacro() {
  DECLARE_ZERO(Hidden);
  return &Hidden;
}
// CHECK: warning: address of local variable 'Hidden' is returned
// CHECK: note: no fix-it: the declaration is written inside a macro; expand it by hand to move 'Hidden' to the GC heap

struct Pair {
  int First, Second;
};
int *structuredBinding(Pair P) {
  auto [A, B] = P;
  (void)B;
  return &A;
}
// CHECK: warning: address of local variable '[A, B]' is returned
// CHECK: note: no fix-it: a structured binding cannot be bound to a GC object; copy the elements into named variables
// CHECK-NOT: fix-it: move
bool readGlobals() { return Root && Held && Current; } // read, so they keep what they take
