//===- RootsTest.cpp - Registers, interior pointers, globals, gc::root ----===//

#include "TestSupport.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace {

using gctest::Tracked;

#if defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define GC_TEST_TSAN 1
#endif
#endif

__attribute__((noinline)) std::uintptr_t makeDisguised() {
  return reinterpret_cast<std::uintptr_t>(gc::make<Tracked>());
}

__attribute__((noinline)) void churnAndCollect() {
  gctest::scrubStack();
  for (int i = 0; i < 3; ++i) {
    // Reuse every freed cell of this size class.
    for (int j = 0; j < 10000; ++j)
      gc::make<Tracked>();
    gc::collect();
  }
}

/// The only copy of the pointer sits in callee-saved r12 across the
/// collections (nothing else is live across the call, so the compiler has
/// no reason to touch r12); the collector must find it among the registers
/// it spills before scanning its own stack.
__attribute__((noinline)) std::uintptr_t holdInRegisterAcrossCollection() {
  std::uintptr_t value = makeDisguised();
  std::uintptr_t after;
  __asm__ volatile("mov %1, %%r12\n\t"
                   "xor %1, %1\n\t"
                   : "=r"(value)
                   : "0"(value)
                   : "r12");
  churnAndCollect();
  __asm__ volatile("mov %%r12, %0" : "=r"(after));
  return after;
}

TEST(Roots, PointerOnlyInACalleeSavedRegister) {
  std::uintptr_t after = holdInRegisterAcrossCollection();
  ASSERT_NE(after, 0u);
  EXPECT_TRUE(reinterpret_cast<Tracked *>(after)->intact());
}

#ifndef GC_TEST_TSAN
TEST(Roots, PointerOnlyInAnotherThreadsRegister) {
  // A thread spins in assembly with the pointer in r13 and nowhere else;
  // the stop signal saves its registers in the signal frame.
  std::atomic<int> phase{0};
  std::uintptr_t seen = 0;
  std::thread spinner([&] {
    gc::thread_scope registered;
    std::uintptr_t value = makeDisguised();
    gctest::scrubStack();
    phase.store(1);
    std::uintptr_t out;
    __asm__ volatile("mov %1, %%r13\n\t"
                     "xor %1, %1\n\t"
                     "1: pause\n\t"
                     "cmpl $2, (%2)\n\t"
                     "jne 1b\n\t"
                     "mov %%r13, %0\n\t"
                     : "=r"(out), "+r"(value)
                     : "r"(&phase)
                     : "r13", "memory");
    seen = out;
  });
  while (phase.load() != 1)
    std::this_thread::yield();
  for (int i = 0; i < 3; ++i) {
    for (int j = 0; j < 10000; ++j)
      gc::make<Tracked>();
    gc::collect();
  }
  phase.store(2);
  spinner.join();
  ASSERT_NE(seen, 0u);
  EXPECT_TRUE(reinterpret_cast<Tracked *>(seen)->intact());
}
#endif

struct Record {
  long header = 42;
  char payload[200] = {};
  long trailer = 4242;
};

TEST(Roots, InteriorPointersKeepObjectsAlive) {
  auto *record = gc::make<Record>();
  char *middle = &record->payload[150];
  record = nullptr;
  std::vector<char *> *boxed = new std::vector<char *>(); // not scanned
  delete boxed;
  auto *array = gc::make_array<long>(10000);
  array[9999] = 7;
  long *lastElement = &array[9999];
  array = nullptr;
  gctest::scrubStack();
  for (int i = 0; i < 3; ++i) {
    for (int j = 0; j < 5000; ++j)
      gc::make<Record>();
    gc::collect();
  }
  auto *recovered =
      reinterpret_cast<Record *>(middle - offsetof(Record, payload) - 150);
  EXPECT_EQ(recovered->header, 42);
  EXPECT_EQ(recovered->trailer, 4242);
  EXPECT_EQ(*lastElement, 7);
}

Tracked *gGlobalPointer = nullptr;
struct {
  long padding;
  Tracked *pointer;
} gGlobalStruct;

__attribute__((noinline)) void setGlobals() {
  gGlobalPointer = gc::make<Tracked>();
  gGlobalStruct.pointer = gc::make<Tracked>();
}

__attribute__((noinline)) void clearGlobals() {
  gGlobalPointer = nullptr;
  gGlobalStruct.pointer = nullptr;
}

TEST(Roots, GlobalsAreRoots) {
  setGlobals();
  for (int i = 0; i < 3; ++i) {
    gctest::collectClean();
    for (int j = 0; j < 10000; ++j)
      gc::make<Tracked>();
  }
  EXPECT_TRUE(gGlobalPointer->intact());
  EXPECT_TRUE(gGlobalStruct.pointer->intact());
  long before = Tracked::destroyed.load();
  clearGlobals();
  gctest::collectClean();
  gctest::collectClean();
  EXPECT_GE(Tracked::destroyed.load() - before, 2);
}

TEST(Roots, RootsInGrowingContainers) {
  std::vector<gc::root<Tracked>> vector;
  std::unordered_map<int, gc::root<Tracked>> map;
  for (int i = 0; i < 20000; ++i) {
    vector.emplace_back(gc::make<Tracked>()); // reallocates many times
    map.emplace(i, gc::make<Tracked>());      // rehashes many times
    if (i % 5000 == 0)
      gctest::collectClean();
  }
  gctest::collectClean();
  for (int i = 0; i < 20000; ++i) {
    ASSERT_TRUE(vector[i]->intact()) << i;
    ASSERT_TRUE(map.at(i)->intact()) << i;
  }
  long before = Tracked::destroyed.load();
  vector.clear();
  map.clear();
  gctest::collectClean();
  gctest::collectClean();
  EXPECT_GE(Tracked::destroyed.load() - before, 40000 - 16);
}

TEST(Roots, RootsCreatedAndDestroyedOnOtherThreads) {
  std::vector<gc::root<Tracked>> shared(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) {
        gc::root<Tracked> local(gc::make<Tracked>());
        if (i % 500 == 0)
          gc::collect();
        ASSERT_TRUE(local->intact());
      }
      shared[t] = gc::make<Tracked>();
    });
  for (std::thread &thread : threads)
    thread.join();
  gctest::collectClean();
  for (auto &root : shared)
    EXPECT_TRUE(root->intact());
}

TEST(Roots, IntegersThatLookLikePointersAreHarmless) {
  // Words pointing into free cells, span tails and unused arena space.
  auto *probe = gc::make<Tracked>();
  auto base = reinterpret_cast<std::uintptr_t>(probe);
  std::vector<std::uintptr_t> fakes;
  for (std::uintptr_t offset = 0; offset < (1u << 22); offset += 4093)
    fakes.push_back(base + offset);
  auto *fakeArray = gc::make_array<std::uintptr_t *>(fakes.size());
  for (std::size_t i = 0; i < fakes.size(); ++i)
    fakeArray[i] = reinterpret_cast<std::uintptr_t *>(fakes[i]);
  gc::root<std::uintptr_t *> keep(fakeArray);
  for (int i = 0; i < 3; ++i)
    gc::collect();
  EXPECT_TRUE(probe->intact());
}

} // namespace
