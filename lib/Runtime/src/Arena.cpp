//===- Arena.cpp - One reserved address range, carved into block runs -----===//

#include "Arena.h"
#include "Sanitizers.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <sys/mman.h>

namespace gc::rt {

namespace {

void *mapNoReserve(std::size_t bytes) {
  void *memory = mmap(nullptr, bytes, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (memory == MAP_FAILED) {
    std::fprintf(stderr, "gc: cannot reserve %zu bytes of address space\n",
                 bytes);
    std::abort();
  }
  return memory;
}

} // namespace

void Arena::init(std::size_t reserveBytes, bool hugePages) {
  reserveBytes = (reserveBytes + kBlockSize - 1) & ~(kBlockSize - 1);
  // Over-reserve so the base can be aligned to a huge page (which is a
  // multiple of the block size).
  constexpr std::uintptr_t kHugePage = std::uintptr_t{2} << 20;
  static_assert(kHugePage % kBlockSize == 0);
  auto raw =
      reinterpret_cast<std::uintptr_t>(mapNoReserve(reserveBytes + kHugePage));
  base = (raw + kHugePage - 1) & ~(kHugePage - 1);
  reserveEnd = base + reserveBytes;
  // Transparent huge pages: the heap is touched bottom-up and densely, so
  // 2 MiB pages cost at most one partly used page of RSS, while they cut
  // the first-touch page faults 512-fold (a quarter of GCBench's time went
  // to 4 KiB faults on the VM) and the marker's TLB misses. A kernel
  // without THP just refuses the advice.
  if (hugePages)
    madvise(reinterpret_cast<void *>(base), reserveBytes, MADV_HUGEPAGE);
  highWater = base;
  lsanRegistered = base;
  limitBytes = reserveBytes;
  blockMap = static_cast<Span **>(
      mapNoReserve((reserveBytes >> kBlockShift) * sizeof(Span *)));
}

Span *Arena::newDescriptor() {
  if (!spareDescriptors) {
    // Descriptors are never returned to the OS; carve a batch from mmap so
    // that the collector never calls malloc with the world stopped.
    constexpr std::size_t kBatch = 256;
    auto *batch = static_cast<Span *>(mapNoReserve(kBatch * sizeof(Span)));
    for (std::size_t i = 0; i < kBatch; ++i) {
      batch[i].next = spareDescriptors;
      spareDescriptors = &batch[i];
    }
  }
  Span *span = spareDescriptors;
  spareDescriptors = span->next;
  return new (span) Span();
}

void Arena::releaseDescriptor(Span *span) {
  span->state = SpanState::Free;
  span->blocks = 0;
  span->next = spareDescriptors;
  spareDescriptors = span;
}

void Arena::mapBlocks(Span *span, bool everyBlock) {
  std::uintptr_t first = (span->start - base) >> kBlockShift;
  if (everyBlock) {
    for (std::uint32_t i = 0; i < span->blocks; ++i)
      blockMap[first + i] = span;
    return;
  }
  // Free runs need only their ends: neighbours look them up when they
  // coalesce, and spanOf() rejects stale interior entries by range check.
  blockMap[first] = span;
  blockMap[first + span->blocks - 1] = span;
}

void Arena::insertFree(Span *span) {
  span->state = SpanState::Free;
  Span *&bin = bins[span->blocks < kExactBins ? span->blocks : kExactBins];
  span->previous = nullptr;
  span->next = bin;
  if (bin)
    bin->previous = span;
  bin = span;
  mapBlocks(span, false);
}

void Arena::removeFree(Span *span) {
  Span *&bin = bins[span->blocks < kExactBins ? span->blocks : kExactBins];
  if (span->previous)
    span->previous->next = span->next;
  else
    bin = span->next;
  if (span->next)
    span->next->previous = span->previous;
  span->next = span->previous = nullptr;
}

Span *Arena::allocateRun(std::uint32_t blocks, bool &zeroed) {
  Span *found = nullptr;
  for (unsigned n = blocks; n < kExactBins && !found; ++n)
    found = bins[n];
  if (!found)
    for (Span *s = bins[kExactBins]; s; s = s->next)
      if (s->blocks >= blocks && (!found || s->blocks < found->blocks))
        found = s;
  std::size_t bytes = std::size_t{blocks} * kBlockSize;
  if (found) {
    removeFree(found);
    if (found->blocks > blocks) {
      Span *rest = newDescriptor();
      rest->start = found->start + bytes;
      rest->blocks = found->blocks - blocks;
      insertFree(rest);
      found->blocks = blocks;
    }
    zeroed = false;
  } else {
    if (highWater + bytes > reserveEnd || highWater + bytes - base > limitBytes)
      return nullptr;
    found = newDescriptor();
    found->start = highWater;
    found->blocks = blocks;
    highWater += bytes;
#ifdef GC_RT_ASAN
    // LeakSanitizer must see malloc'd buffers owned by live GC objects;
    // register the used part of the arena in 64 MiB steps.
    while (lsanRegistered < highWater) {
      std::size_t step =
          std::min<std::size_t>(64u << 20, reserveEnd - lsanRegistered);
      __lsan_register_root_region(reinterpret_cast<void *>(lsanRegistered),
                                  step);
      lsanRegistered += step;
    }
#endif
    zeroed = true;
  }
  found->state = SpanState::Free;
  mapBlocks(found, true);
  spanBytes += bytes;
  return found;
}

void Arena::freeRun(Span *span) {
  spanBytes -= std::size_t{span->blocks} * kBlockSize;
  span->state = SpanState::Free;
  span->owned = false;
  std::uintptr_t first = (span->start - base) >> kBlockShift;
  if (first > 0) {
    Span *left = blockMap[first - 1];
    if (left && left->state == SpanState::Free && left->end() == span->start) {
      removeFree(left);
      left->blocks += span->blocks;
      releaseDescriptor(span);
      span = left;
    }
  }
  if (span->end() < highWater) {
    Span *right = blockMap[(span->end() - base) >> kBlockShift];
    if (right && right->state == SpanState::Free &&
        right->start == span->end()) {
      removeFree(right);
      span->blocks += right->blocks;
      releaseDescriptor(right);
    }
  }
  insertFree(span);
}

} // namespace gc::rt
