// `if (m == &x) m = nullptr;` clears the member on every path where it
// still holds x's address (the other path holds something else). Found on
// leveldb's DBImpl::TEST_CompactRange.
// RUN: %escape %s -- %std | count 0
// RUN: %not %escape %s -- %std -DBROKEN | %FileCheck %s --check-prefix=BROKEN

void waitForWorker();

struct Manual {
  bool done = false;
};

struct DB {
  Manual *pending = nullptr;
  void compact() {
    Manual manual;
    while (!manual.done) {
      if (pending == nullptr)
        pending = &manual;
      waitForWorker();
    }
#ifndef BROKEN
    if (pending == &manual)
      pending = nullptr;
#else
    // BROKEN: reset-if-still-ours.cpp:19:9: warning: address of local variable 'manual' is stored in member 'pending' of '*this'{{.*}}[escape-member]
    if (pending != &manual)
      pending = nullptr;
#endif
  }
};

int *slot;
void mirrored() {
  int x = 0;
  slot = &x;
  waitForWorker();
  if (&x == slot)
    slot = nullptr;
}
