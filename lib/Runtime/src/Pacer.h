//===- Pacer.h - When the next cycle starts (GOGC) --------------*- C++ -*-===//
//
// Go's rule: after a cycle that found `live` bytes reachable, the next one
// starts when the bytes in use reach live * (1 + GOGC/100), but never below
// a minimum heap. GOGC < 0 turns automatic collection off.
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
  void configure(int gogcPercent, std::size_t minimumHeap) {
    gogc.store(gogcPercent, std::memory_order_relaxed);
    minHeap = minimumHeap;
    update(lastLive);
  }
  void update(std::size_t liveBytes) {
    lastLive = liveBytes;
    int percent = gogc.load(std::memory_order_relaxed);
    std::size_t next =
        percent < 0
            ? SIZE_MAX
            : std::max(minHeap,
                       liveBytes +
                           liveBytes / 100 * static_cast<std::size_t>(percent));
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
  std::size_t lastLive = 0;
  std::atomic<std::size_t> goalBytes{std::size_t{4} << 20};
};

} // namespace gc::rt

#endif // GC_RT_PACER_H
