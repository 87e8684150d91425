//===- Allocate.cpp - The allocation path behind gc::make -----------------===//
//
// Fast path: the thread's cursor for the span class hands out a cell; the
// cell is zeroed and its header written before it is committed. Slow path:
// the cursor's span is full, so the thread asks the heap for another one
// under the heap lock, collecting first when the pacer says so. Large
// objects always take the slow path.
//
//===----------------------------------------------------------------------===//

#include "Collector.h"
#include "Runtime.h"
#include "ThreadCache.h"

#include "gc/make.h"

#include <bit>
#include <cstring>
#include <new>

namespace gc::rt {

namespace {

std::uint32_t siteOf(Runtime &rt, ThreadCache &cache, const call_site &site,
                     std::uint32_t type) {
  const std::source_location &where = site.where();
  // The address of the location's static constant identifies a call site
  // (bit_cast: source_location holds just that pointer).
  static_assert(sizeof(std::source_location) == sizeof(const void *));
  auto key = std::bit_cast<const void *>(where);
  SiteCacheEntry &entry = cache.siteCache[ThreadCache::siteSlot(key)];
  if (entry.key == key) [[likely]]
    return entry.id;
  std::uint32_t id = rt.sites.intern(where, type);
  entry.key = key;
  entry.id = id;
  return id;
}

// no_builtin: keep the compiler from turning the zeroing loop back into a
// call to memset.
__attribute__((no_builtin("memset"))) void
writeHeader(std::uintptr_t cell, std::size_t cellBytes, bool poisoned,
            bool zeroed, std::uint32_t typeBits, std::uint32_t site,
            std::size_t count) {
  if (poisoned) [[unlikely]]
    checkPoisonedCell(cell, cellBytes);
  // Cells are small multiples of 16 bytes: inline stores beat a call to
  // memset for the common sizes.
  if (zeroed) {
  } else if (cellBytes <= 256) {
    auto *words = reinterpret_cast<std::uint64_t *>(cell);
    for (std::size_t i = 0; i < cellBytes / 8; i += 2) {
      words[i] = 0;
      words[i + 1] = 0;
    }
  } else {
    std::memset(reinterpret_cast<void *>(cell), 0, cellBytes);
  }
  auto *header = reinterpret_cast<detail::object_header *>(cell);
  header->type_bits = typeBits;
  header->site = site;
  if (typeBits & detail::header_array_flag)
    *reinterpret_cast<std::size_t *>(cell + 8) = count;
}

/// Under the heap lock: Before(), then a span from Take(), collecting first
/// when the pacer asks and once more when Take() finds nothing (then
/// std::bad_alloc). Returns with the lock held in Guard.
template <typename BeforeFn, typename TakeFn>
Span *takeOrCollect(Runtime &rt, std::unique_lock<std::mutex> &Guard,
                    std::size_t ExtraBytes, BeforeFn Before, TakeFn Take) {
  bool collected = false;
  for (;;) {
    Guard = std::unique_lock<std::mutex>(rt.heap.lock);
    Before();
    if (!collected && rt.pacer.shouldCollect(rt.heap.inUse + ExtraBytes)) {
      Guard.unlock();
      collect(CollectReason::Pacer);
      collected = true;
      continue;
    }
    if (Span *span = Take())
      return span;
    if (collected)
      throw std::bad_alloc();
    Guard.unlock();
    collect(CollectReason::Exhausted);
    collected = true;
  }
}

/// The cursor is empty: get a span, collecting first if the pacer says so.
void refill(Runtime &rt, ThreadCache &cache, unsigned spanClass) {
  AllocCursor &cursor = cache.cursors[spanClass];
  std::unique_lock<std::mutex> guard;
  Span *span = takeOrCollect(
      rt, guard, 0,
      [&] {
        if (cursor.span) {
          rt.heap.releaseOwned(cursor.span);
          cursor.reset(nullptr);
        }
      },
      [&] {
        return rt.heap.takeSpan(spanClass,
                                rt.poison.load(std::memory_order_relaxed));
      });
  span->owned = true;
  unsigned allocated = 0;
  for (unsigned w = 0, words = span->bitmapWords(); w < words; ++w)
    allocated += std::popcount(span->allocatedWord(w));
  rt.heap.inUse += std::size_t{span->cells - allocated} * span->cellSize;
  cursor.reset(span);
}

std::uintptr_t allocateLarge(Runtime &rt, std::size_t bytes, unsigned kind,
                             std::uint32_t typeBits, std::uint32_t site,
                             std::size_t count) {
  std::unique_lock<std::mutex> guard;
  Span *span = takeOrCollect(
      rt, guard, bytes, [] {},
      [&] { return rt.heap.takeLargeRun(bytes, kind); });
  // The run is zeroed; only the header remains. The heap lock keeps the
  // collector away until the object is committed.
  auto *header = reinterpret_cast<detail::object_header *>(span->start);
  header->type_bits = typeBits;
  header->site = site;
  if (typeBits & detail::header_array_flag)
    *reinterpret_cast<std::size_t *>(span->start + 8) = count;
  span->allocBits[0] = 1;
  return span->start;
}

} // namespace

} // namespace gc::rt

namespace gc::detail {

void *allocate(std::uint32_t type, std::size_t count, const call_site &site) {
  using namespace gc::rt;
  ThreadCache *cache = currentCache();
  if (!cache) [[unlikely]] {
    runtime().threads.attach(true);
    cache = currentCache();
  }
  Runtime &rt = *gRuntime;
  if (rt.collectEvery.load(std::memory_order_relaxed)) [[unlikely]] {
    if (cache->stressCountdown <= 1) {
      cache->stressCountdown = rt.collectEvery.load(std::memory_order_relaxed);
      collect(CollectReason::Stress);
    } else {
      --cache->stressCountdown;
    }
  }
  const TypeRecord &record = rt.types[type];
  const type_descriptor &d = record.descriptor;
  std::uint32_t typeBits = type;
  if (d.destroy)
    typeBits |= header_no_destroy_flag;
  std::size_t bytes, offset;
  if (count == not_an_array) {
    offset = d.payload_offset;
    bytes = offset + d.size;
  } else {
    typeBits |= header_array_flag;
    offset = array_payload_offset;
    if (d.size && count > (SIZE_MAX - offset) / d.size)
      throw std::bad_alloc();
    bytes = offset + d.size * count;
  }
  std::uint32_t siteId = siteOf(rt, *cache, site, type);
  std::uintptr_t cell;
  std::size_t cellBytes;
  if (bytes <= kMaxSmallSize) [[likely]] {
    unsigned sizeClass = sizeClassOf(bytes);
    unsigned spanClass = spanClassOf(sizeClass, record.spanKind);
    AllocCursor &cursor = cache->cursors[spanClass];
    std::uint32_t index;
    cell = cursor.pick(index);
    if (!cell) [[unlikely]] {
      refill(rt, *cache, spanClass);
      cell = cursor.pick(index);
    }
    cellBytes = cursor.span->cellSize;
    writeHeader(cell, cellBytes, cursor.span->poisoned, cursor.wordZeroed,
                typeBits, siteId, count);
    cursor.commit(index);
  } else {
    cell = allocateLarge(rt, bytes, record.spanKind, typeBits, siteId, count);
    cellBytes = (bytes + kBlockSize - 1) & ~(kBlockSize - 1);
  }
  cache->siteCounters[siteId].add(cellBytes);
  return reinterpret_cast<void *>(cell + offset);
}

} // namespace gc::detail
