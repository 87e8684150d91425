//===- AllocatorTest.cpp - Size classes, alignment, zeroing, limits -------===//

#include "TestSupport.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace {

template <std::size_t N> struct Bytes { unsigned char data[N]; };

template <std::size_t N> void checkZeroedAndWritable() {
  for (int round = 0; round < 3; ++round) {
    auto *object = gc::make<Bytes<N>>();
    ASSERT_NE(object, nullptr);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(object) % 8, 0u) << N;
    for (std::size_t i = 0; i < N; ++i)
      ASSERT_EQ(object->data[i], 0) << "size " << N << " byte " << i;
    std::memset(object->data, 0xab, N);
  }
}

TEST(Allocator, EverySizeBoundaryIsZeroedAndAligned) {
  checkZeroedAndWritable<1>();
  checkZeroedAndWritable<7>();
  checkZeroedAndWritable<8>();
  checkZeroedAndWritable<9>();
  checkZeroedAndWritable<15>();
  checkZeroedAndWritable<16>();
  checkZeroedAndWritable<17>();
  checkZeroedAndWritable<255>();
  checkZeroedAndWritable<256>();
  checkZeroedAndWritable<257>();
  checkZeroedAndWritable<8191>();
  checkZeroedAndWritable<8192>();
  checkZeroedAndWritable<8193>();
  checkZeroedAndWritable<32 * 1024 - 9>();
  checkZeroedAndWritable<32 * 1024 - 8>();
  checkZeroedAndWritable<32 * 1024 - 7>();
  checkZeroedAndWritable<32 * 1024>();
  checkZeroedAndWritable<32 * 1024 + 1>();
  checkZeroedAndWritable<1 << 20>();
}

struct alignas(16) Wide {
  long double value;
};

TEST(Allocator, SixteenByteAlignment) {
  for (int i = 0; i < 100; ++i) {
    Wide *w = gc::make<Wide>();
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(w) % 16, 0u);
  }
  for (std::size_t n : {0, 1, 3, 100, 5000}) {
    Wide *a = gc::make_array<Wide>(n);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(a) % 16, 0u);
    EXPECT_EQ(gc::array_size(a), n);
  }
}

TEST(Allocator, ConstructorArgumentsAndDistinctObjects) {
  struct Point {
    int x, y;
    Point(int x, int y) : x(x), y(y) {}
  };
  std::vector<Point *> points;
  for (int i = 0; i < 10000; ++i)
    points.push_back(gc::make<Point>(i, -i));
  for (int i = 0; i < 10000; ++i) {
    EXPECT_EQ(points[i]->x, i);
    EXPECT_EQ(points[i]->y, -i);
  }
}

TEST(Allocator, ArraysOfEverySize) {
  for (std::size_t n : {0, 1, 2, 1000, 4095, 4096, 4097, 100000}) {
    double *a = gc::make_array<double>(n);
    ASSERT_EQ(gc::array_size(a), n);
    for (std::size_t i = 0; i < n; ++i)
      ASSERT_EQ(a[i], 0.0);
    for (std::size_t i = 0; i < n; ++i)
      a[i] = static_cast<double>(i);
  }
}

TEST(Allocator, ExhaustionThrowsBadAlloc) {
  gc::set_max_heap(64u << 20);
  std::vector<gc::root<Bytes<4096>>> kept;
  bool threw = false;
  try {
    for (int i = 0; i < 100000; ++i)
      kept.emplace_back(gc::make<Bytes<4096>>());
  } catch (const std::bad_alloc &) {
    threw = true;
  }
  EXPECT_TRUE(threw);
  EXPECT_GT(kept.size(), 1000u);
  // Dropping the roots makes the memory usable again.
  kept.clear();
  gc::collect();
  EXPECT_NO_THROW(gc::make<Bytes<4096>>());
  threw = false;
  try {
    gc::make_array<char>(std::size_t{1} << 30);
  } catch (const std::bad_alloc &) {
    threw = true;
  }
  EXPECT_TRUE(threw);
  gc::set_max_heap(0);
}

} // namespace

namespace {

struct PlainData {
  int values[6];
};

TEST(Allocator, PointerFreeTypesAreNeverScanned) {
  // A pointer-free array holding the only copy of a pointer does not keep
  // its target alive: the marker never reads pointer-free objects.
  static_assert(gc::pointer_free<long>::value);
  static_assert(!gc::pointer_free<PlainData *>::value);
  long before = gctest::Tracked::destroyed.load();
  gc::root<std::uintptr_t> words(gc::make_array<std::uintptr_t>(1000));
  [&]() __attribute__((noinline)) {
    for (int i = 0; i < 1000; ++i)
      words.get()[i] =
          reinterpret_cast<std::uintptr_t>(gc::make<gctest::Tracked>());
  }
  ();
  gctest::collectClean();
  gctest::collectClean();
  // Conservative stacks may retain a few by accident (tolerated).
  EXPECT_GE(gctest::Tracked::destroyed.load() - before, 1000 - 16);
  EXPECT_EQ(gc::array_size(words.get()), 1000u);
}

TEST(Allocator, StatsCountAllocations) {
  gc::statistics before = gc::stats();
  for (int i = 0; i < 1000; ++i)
    gc::make<PlainData>();
  gc::statistics after = gc::stats();
  EXPECT_EQ(after.allocated_objects - before.allocated_objects, 1000u);
  // 24 bytes of payload + 8 of header: 32-byte cells.
  EXPECT_EQ(after.allocated_bytes - before.allocated_bytes, 32000u);
}

} // namespace
