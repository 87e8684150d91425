//===- CycleTest.cpp - Unreachable cycles are collected -------------------===//

#include "TestSupport.h"

#include <gtest/gtest.h>

namespace {

using gctest::Tracked;

/// No trace member: scanned conservatively.
struct Legacy {
  static inline std::atomic<long> destroyed{0};
  Legacy *other = nullptr;
  char padding[40] = {};
  ~Legacy() { destroyed.fetch_add(1); }
};

/// Large (over 32 KiB): lives in its own run of blocks.
struct Big {
  static inline std::atomic<long> destroyed{0};
  Big *other = nullptr;
  char payload[40000] = {};
  ~Big() { destroyed.fetch_add(1); }
  void trace(gc::tracer &t) const { t(other); }
};

__attribute__((noinline)) void makeCycles() {
  for (int i = 0; i < 100; ++i) {
    Tracked *self = gc::make<Tracked>();
    self->next = self; // self-loop
    Tracked *a = gc::make<Tracked>();
    Tracked *b = gc::make<Tracked>();
    a->next = b; // 2-cycle
    b->next = a;
  }
  Tracked *first = gc::make<Tracked>(); // a ring of 10000
  Tracked *last = first;
  for (int i = 1; i < 10000; ++i) {
    last->next = gc::make<Tracked>();
    last = last->next;
  }
  last->next = first;
  for (int i = 0; i < 50; ++i) {
    Legacy *x = gc::make<Legacy>();
    Legacy *y = gc::make<Legacy>();
    x->other = y;
    y->other = x;
    Big *p = gc::make<Big>();
    Big *q = gc::make<Big>();
    p->other = q;
    q->other = p;
  }
}

TEST(Cycles, AllKindsOfCyclesAreCollected) {
  long tracked = Tracked::destroyed.load();
  long legacy = Legacy::destroyed.load();
  long big = Big::destroyed.load();
  makeCycles();
  gctest::collectClean();
  gctest::collectClean();
  // Tolerance: a stale stack word may retain one cycle of each kind; the
  // ring is 10000 objects, so it must be gone entirely or not at all.
  EXPECT_GE(Tracked::destroyed.load() - tracked, 300 - 6 + 10000);
  EXPECT_GE(Legacy::destroyed.load() - legacy, 100 - 4);
  EXPECT_GE(Big::destroyed.load() - big, 100 - 4);
  EXPECT_EQ(Tracked::doubleDestroyed.load(), 0);
}

TEST(Cycles, ReachableCycleSurvives) {
  Tracked *a = gc::make<Tracked>();
  Tracked *b = gc::make<Tracked>();
  a->next = b;
  b->next = a;
  gc::root<Tracked> root(a);
  a = b = nullptr;
  for (int i = 0; i < 3; ++i)
    gctest::collectClean();
  ASSERT_TRUE(root->intact());
  ASSERT_TRUE(root->next->intact());
  EXPECT_EQ(root->next->next, root.get());
}

} // namespace
