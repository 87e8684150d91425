//===- SiteTable.h - Allocation sites and their counters --------*- C++ -*-===//
//
// A site is a gc::make call's file:line:column. Threads count their own
// allocations per site (no shared writes on the allocation path) and merge
// them here when they exit; the sweep adds each live object's bytes to its
// site (see Heap.h), under the heap lock. Storage is fixed-capacity and
// mmap'd so it never moves.
//
//===----------------------------------------------------------------------===//

#ifndef GC_RT_SITETABLE_H
#define GC_RT_SITETABLE_H

#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <source_location>
#include <string>
#include <tuple>

namespace gc::rt {

/// Per-thread counters; only the owning thread writes them (relaxed load +
/// store, no read-modify-write), others read them for reports.
struct SiteCounter {
  std::atomic<std::uint64_t> objects{0};
  std::atomic<std::uint64_t> bytes{0};

  void add(std::uint64_t cellBytes) {
    objects.store(objects.load(std::memory_order_relaxed) + 1,
                  std::memory_order_relaxed);
    bytes.store(bytes.load(std::memory_order_relaxed) + cellBytes,
                std::memory_order_relaxed);
  }
};

struct Site {
  const char *file = "";
  const char *function = "";
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::uint32_t firstType = 0;
  SiteCounter exited; ///< counts merged from threads that have exited
  std::uint64_t liveObjects = 0; ///< as of the last completed mark
  std::uint64_t liveBytes = 0;
};

class SiteTable {
public:
  static constexpr std::uint32_t kCapacity = 1u << 16;
  /// Sites beyond the capacity are all counted here.
  static constexpr std::uint32_t kOverflowSite = 0;

  void init();
  /// The id of a source location; takes the sites lock.
  std::uint32_t intern(const std::source_location &where, std::uint32_t type);

  Site &operator[](std::uint32_t id) { return sites[id]; }
  std::uint32_t size() const { return count.load(std::memory_order_acquire); }

  /// Called before the mark, world stopped (every span swept).
  void resetLive();
  /// Called by the sweep, heap lock held.
  void addLive(std::uint32_t id, std::uint64_t bytes) {
    Site &site = sites[id < kCapacity ? id : kOverflowSite];
    ++site.liveObjects;
    site.liveBytes += bytes;
  }

  std::mutex lock;

private:
  Site *sites = nullptr;
  std::atomic<std::uint32_t> count{1};
  std::map<std::tuple<std::string, std::uint32_t, std::uint32_t>, std::uint32_t>
      byPosition;
};

} // namespace gc::rt

#endif // GC_RT_SITETABLE_H
