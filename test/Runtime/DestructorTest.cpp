//===- DestructorTest.cpp - Destructors run once, only when unreachable ---===//

#include "TestSupport.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

using gctest::Tracked;

__attribute__((noinline)) void makeGarbage(int n) {
  for (int i = 0; i < n; ++i)
    gc::make<Tracked>();
}

/// Counts per object: each must be destroyed at most once.
struct CountedOnce {
  static inline std::vector<std::atomic<int>> *counts = nullptr;
  long id;
  explicit CountedOnce(long id) : id(id) {}
  ~CountedOnce() { (*counts)[id].fetch_add(1); }
};

__attribute__((noinline)) void makeCounted(int n) {
  for (int i = 0; i < n; ++i)
    gc::make<CountedOnce>(i);
}

TEST(Destructors, RunExactlyOnceAcrossManyCycles) {
  constexpr int kObjects = 50000;
  CountedOnce::counts = new std::vector<std::atomic<int>>(kObjects);
  std::uint64_t finalizedBefore = gc::stats().finalized_objects;
  makeCounted(kObjects);
  for (int i = 0; i < 6; ++i)
    gctest::collectClean();
  int once = 0;
  for (auto &count : *CountedOnce::counts) {
    ASSERT_LE(count.load(), 1);
    once += count.load();
  }
  // A stale stack word may retain a few (conservative scanning).
  EXPECT_GE(once, kObjects - 16);
  EXPECT_GE(gc::stats().finalized_objects - finalizedBefore,
            static_cast<std::uint64_t>(once));
}

TEST(Destructors, NeverForReachableObjects) {
  std::vector<gc::root<Tracked>> kept;
  for (int i = 0; i < 5000; ++i)
    kept.emplace_back(gc::make<Tracked>());
  for (int i = 0; i < 5; ++i) {
    makeGarbage(20000);
    gctest::collectClean();
  }
  for (auto &object : kept)
    ASSERT_TRUE(object->intact());
}

TEST(Destructors, RunOnTheFinalizerThreadNotTheAllocatingOne) {
  static std::atomic<std::thread::id> destroyedOn{};
  struct Noted {
    ~Noted() { destroyedOn.store(std::this_thread::get_id()); }
  };
  []() __attribute__((noinline)) {
    for (int i = 0; i < 100; ++i)
      gc::make<Noted>();
  }
  ();
  gctest::collectClean();
  EXPECT_NE(destroyedOn.load(), std::thread::id{});
  EXPECT_NE(destroyedOn.load(), std::this_thread::get_id());
}

struct Allocating {
  static inline std::atomic<long> made{0};
  ~Allocating() {
    // Destructors may allocate (they run on a registered thread).
    auto *replacement = gc::make<Tracked>();
    if (replacement->intact())
      made.fetch_add(1);
  }
};

TEST(Destructors, MayAllocate) {
  []() __attribute__((noinline)) {
    for (int i = 0; i < 1000; ++i)
      gc::make<Allocating>();
  }
  ();
  gctest::collectClean();
  EXPECT_GE(Allocating::made.load(), 1000 - 16);
}

struct Throwing {
  static inline std::atomic<long> destroyed{0};
  explicit Throwing(bool fail) {
    if (fail)
      throw std::runtime_error("no");
  }
  ~Throwing() { destroyed.fetch_add(1); }
};

TEST(Destructors, NotRunWhenTheConstructorThrew) {
  long before = Throwing::destroyed.load();
  int thrown = 0;
  [&]() __attribute__((noinline)) {
    for (int i = 0; i < 100; ++i) {
      try {
        gc::make<Throwing>(true);
      } catch (const std::runtime_error &) {
        ++thrown;
      }
    }
  }
  ();
  gctest::collectClean();
  gctest::collectClean();
  EXPECT_EQ(thrown, 100);
  EXPECT_EQ(Throwing::destroyed.load(), before);
}

TEST(Destructors, ArrayElementsAreDestroyed) {
  long before = Tracked::destroyed.load();
  []() __attribute__((noinline)) {
    for (int i = 0; i < 10; ++i)
      gc::make_array<Tracked>(100);
    gc::make_array<Tracked>(5000); // a large array
  }
  ();
  gctest::collectClean();
  gctest::collectClean();
  EXPECT_GE(Tracked::destroyed.load() - before, 1000 - 200);
  EXPECT_EQ(Tracked::doubleDestroyed.load(), 0);
}

struct Owning {
  // Owns malloc'd memory: LeakSanitizer (ASan builds) checks it is freed.
  std::string text = std::string(100, 'x');
  std::vector<int> numbers = std::vector<int>(100, 7);
};

TEST(Destructors, OwnedResourcesAreReleased) {
  []() __attribute__((noinline)) {
    for (int i = 0; i < 10000; ++i)
      gc::make<Owning>();
  }
  ();
  gctest::collectClean();
  gctest::collectClean();
  gc::root<Owning> kept(gc::make<Owning>());
  gctest::collectClean();
  EXPECT_EQ(kept->text.size(), 100u);
  EXPECT_EQ(kept->numbers[99], 7);
}

} // namespace
