//===- Pacer.h - When the next cycle starts (GOGC) --------------*- C++ -*-===//
//
// Go's rule: after a cycle that found `live` bytes reachable, the next one
// starts when the bytes in use reach live * (1 + GOGC/100), but never below
// a minimum heap. GOGC < 0 turns automatic collection off.
//
// Small heaps also get a minimum runway (bytes allocated between cycles) of
// minRunway * GOGC/100. With a few MiB live, GOGC alone collects every few
// MiB allocated and the collection count, not memory, dominates the cost;
// Boehm grows its heap eagerly at small sizes for the same reason. Once the
// live data exceeds the runway floor the rule is plain GOGC again, so large
// heaps pay nothing in memory.
//
//===----------------------------------------------------------------------===//

#ifndef GC_RT_PACER_H
#define GC_RT_PACER_H

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>

namespace gc::rt {

class Pacer {
public:
  void configure(int gogcPercent, std::size_t minimumHeap,
                 std::size_t minimumRunway) {
    gogc.store(gogcPercent, std::memory_order_relaxed);
    minHeap = minimumHeap;
    minRunway = minimumRunway;
    update(lastLive);
  }
  void update(std::size_t liveBytes) {
    lastLive = liveBytes;
    int percent = gogc.load(std::memory_order_relaxed);
    // bytes * percent / 100 without overflow for large heaps or GOGC.
    auto scaled = [&](std::size_t bytes) {
      auto p = static_cast<std::size_t>(percent);
      return bytes / 100 * p + bytes % 100 * p / 100;
    };
    std::size_t next =
        percent < 0 ? SIZE_MAX
                    : std::max(minHeap, liveBytes + std::max(scaled(liveBytes),
                                                             scaled(minRunway)));
    goalBytes.store(next, std::memory_order_relaxed);
  }
  bool shouldCollect(std::size_t inUse) const {
    return inUse >= goalBytes.load(std::memory_order_relaxed);
  }
  std::size_t goal() const { return goalBytes.load(std::memory_order_relaxed); }
  int percent() const { return gogc.load(std::memory_order_relaxed); }

private:
  std::atomic<int> gogc{100};
  std::size_t minHeap = std::size_t{4} << 20;
  std::size_t minRunway = 0;
  std::size_t lastLive = 0;
  std::atomic<std::size_t> goalBytes{std::size_t{4} << 20};
};

} // namespace gc::rt

#endif // GC_RT_PACER_H
