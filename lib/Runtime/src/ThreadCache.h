//===- ThreadCache.h - Per-thread allocation state --------------*- C++ -*-===//
//
// Each thread allocates from spans it owns, one per span class, without
// locks or atomics: the cursor caches the free bits of one bitmap word and
// `ctz` picks the next cell. Site ids are looked up in a small direct-mapped
// cache keyed by the address of the call site's source_location constant,
// and counted in per-thread counters.
//
//===----------------------------------------------------------------------===//

#ifndef GC_RT_THREADCACHE_H
#define GC_RT_THREADCACHE_H

#include "SiteTable.h"
#include "SizeClasses.h"
#include "Span.h"

#include <atomic>
#include <bit>
#include <cstdint>
#include <cstring>

namespace gc::rt {

struct AllocCursor {
  Span *span = nullptr;
  std::uint64_t freeBits = 0; ///< bit i: cell wordIndex * 64 + i is free
  std::uint32_t wordIndex = 0;
  /// The free cells of the current word were zeroed in one sweep of memset
  /// (streaming stores beat one cache-missing store per cell).
  bool wordZeroed = false;

  /// Picks the next free cell or returns 0. The caller initializes the
  /// cell and then calls commit(): until then a collection treats the cell
  /// as free and never reads it.
  __attribute__((always_inline)) std::uintptr_t pick(std::uint32_t &index) {
    // Inline: this is most of the allocation fast path. Moving to the next
    // bitmap word (once per 64 cells) stays out of line.
    if (freeBits == 0) [[unlikely]]
      if (!nextWord())
        return 0;
    index =
        wordIndex * 64 + static_cast<std::uint32_t>(__builtin_ctzll(freeBits));
    freeBits &= freeBits - 1;
    return span->cellAddress(index);
  }

  /// Advances to the next bitmap word with a free cell; false when the
  /// span (or the cursor) is exhausted.
  __attribute__((noinline)) bool nextWord() {
    Span *s = span;
    if (!s)
      return false;
    while (freeBits == 0) {
      std::uint32_t next = wordIndex + 1;
      if (next >= s->bitmapWords())
        return false;
      wordIndex = next;
      freeBits = ~s->allocBits[next] & s->validMask(next);
      zeroIfAllFree();
    }
    return true;
  }

  void commit(std::uint32_t index) {
    // The stop signal may arrive between any two instructions; the header
    // and zeroed payload must be in memory before the cell counts as
    // allocated. Same thread, so a compiler fence suffices.
    std::atomic_signal_fence(std::memory_order_seq_cst);
    span->freeIndex = index + 1;
  }

  void reset(Span *s) {
    span = s;
    wordIndex = 0;
    freeBits = s ? ~s->allocBits[0] & s->validMask(0) : 0;
    wordZeroed = false;
    if (s)
      zeroIfAllFree();
  }

  void zeroIfAllFree() {
    wordZeroed = freeBits == span->validMask(wordIndex) && !span->poisoned &&
                 wordIndex * 64 >= span->freeIndex;
    if (wordZeroed)
      std::memset(reinterpret_cast<void *>(span->cellAddress(wordIndex * 64)),
                  0,
                  std::size_t{span->cellSize} *
                      static_cast<unsigned>(std::popcount(freeBits)));
  }
};

struct SiteCacheEntry {
  const void *key = nullptr;
  std::uint32_t id = 0;
};

struct ThreadRecord;

struct ThreadCache {
  static constexpr unsigned kSiteCacheSize = 256;

  AllocCursor cursors[kMaxSpanClasses];
  SiteCacheEntry siteCache[kSiteCacheSize];
  SiteCounter *siteCounters = nullptr; ///< SiteTable::kCapacity entries
  unsigned stressCountdown = 0;
  ThreadRecord *record = nullptr;

  ThreadCache();
  ~ThreadCache();
  ThreadCache(const ThreadCache &) = delete;
  ThreadCache &operator=(const ThreadCache &) = delete;

  static unsigned siteSlot(const void *key) {
    auto bits = reinterpret_cast<std::uintptr_t>(key);
    return static_cast<unsigned>((bits >> 3) * 0x9E3779B97F4A7C15ull >> 56);
  }
};

} // namespace gc::rt

#endif // GC_RT_THREADCACHE_H
