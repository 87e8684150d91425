//===- Statistics.h - Pause times and counters ------------------*- C++ -*-===//
//
// Written by the collector under the collect lock; read under it too.
// The last kRecent pauses are kept for percentiles.
//
//===----------------------------------------------------------------------===//

#ifndef GC_RT_STATISTICS_H
#define GC_RT_STATISTICS_H

#include <atomic>
#include <cstddef>
#include <cstdint>

namespace gc::rt {

struct Statistics {
  static constexpr std::size_t kRecent = 4096;

  std::atomic<std::uint64_t> cycles{0};
  std::uint64_t pauseMaxNs = 0;
  std::uint64_t pauseTotalNs = 0;
  std::uint64_t recentPausesNs[kRecent] = {};
  std::uint64_t markStackOverflows = 0;
  std::atomic<std::uint64_t> finalizedObjects{0};
  std::size_t liveBytes = 0;
  /// Allocation counts of threads that have exited.
  std::atomic<std::uint64_t> exitedObjects{0};
  std::atomic<std::uint64_t> exitedBytes{0};

  void recordPause(std::uint64_t ns) {
    std::uint64_t n = cycles.load(std::memory_order_relaxed);
    recentPausesNs[n % kRecent] = ns;
    pauseTotalNs += ns;
    if (ns > pauseMaxNs)
      pauseMaxNs = ns;
    cycles.store(n + 1, std::memory_order_release);
  }
  /// p in [0, 100]; over the recent pauses.
  double percentileMs(double p) const;
};

} // namespace gc::rt

#endif // GC_RT_STATISTICS_H
