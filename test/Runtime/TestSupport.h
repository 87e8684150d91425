//===- TestSupport.h - Helpers for GC runtime tests -------------*- C++ -*-===//
//
// Tests that assert an object WAS collected fight conservative scanning: a
// dead pointer may linger in a register or a stale stack slot. The helpers
// here allocate in noinline functions, return only counts, and scrub the
// stack below the caller before collecting.
//
//===----------------------------------------------------------------------===//

#ifndef GC_TEST_TESTSUPPORT_H
#define GC_TEST_TESTSUPPORT_H

#include "gc/gc.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace gctest {

/// Overwrites a large chunk of the stack below the caller, erasing stale
/// pointers left by earlier (now returned) calls.
__attribute__((noinline)) inline void scrubStack() {
  volatile char buffer[64 * 1024];
  std::memset(const_cast<char *>(buffer), 0, sizeof buffer);
  __asm__ volatile("" : : "r"(buffer) : "memory");
}

/// Collects with a clean stack and clobbered caller-saved registers, then
/// waits for the destructors the cycle queued.
__attribute__((noinline)) inline void collectClean() {
  scrubStack();
  gc::collect();
  gc::wait_for_finalizers();
}

/// Counts constructions and destructions; detects double destruction and
/// destruction of an object still in use.
struct Tracked {
  static inline std::atomic<long> alive{0};
  static inline std::atomic<long> destroyed{0};
  static inline std::atomic<long> doubleDestroyed{0};
  static constexpr std::uint64_t kAliveMagic = 0xA11CEA11CEull;
  static constexpr std::uint64_t kDeadMagic = 0xDEADDEADull;

  std::uint64_t magic = kAliveMagic;
  Tracked *next = nullptr;

  Tracked() { alive.fetch_add(1); }
  Tracked(const Tracked &) = delete;
  ~Tracked() {
    if (magic != kAliveMagic)
      doubleDestroyed.fetch_add(1);
    magic = kDeadMagic;
    alive.fetch_sub(1);
    destroyed.fetch_add(1);
  }
  void trace(gc::tracer &t) const { t(next); }
  bool intact() const { return magic == kAliveMagic; }
};

} // namespace gctest

#endif // GC_TEST_TESTSUPPORT_H
