//===- Arena.h - One reserved address range, carved into block runs -*- C++
//-*-=//
//
// The heap is one contiguous reservation, so "is this word a heap pointer?"
// is a subtraction and a compare, and the span of any address is one load
// from the block map. Runs of free blocks are kept in bins by length and
// coalesced with their neighbours when freed. Memory above the high-water
// mark has never been touched and is known to be zero.
//
// Not thread-safe: the heap lock protects it.
//
//===----------------------------------------------------------------------===//

#ifndef GC_RT_ARENA_H
#define GC_RT_ARENA_H

#include "Span.h"

#include <cstddef>
#include <cstdint>

namespace gc::rt {

class Arena {
public:
  /// Reserves `reserveBytes` of address space (not memory), asking for
  /// transparent huge pages if `hugePages`.
  void init(std::size_t reserveBytes, bool hugePages);

  /// The span containing `address`, or null if it is not in a span.
  Span *spanOf(std::uintptr_t address) const {
    std::uintptr_t offset = address - base;
    if (offset >= highWater - base)
      return nullptr;
    Span *span = blockMap[offset >> kBlockShift];
    if (!span ||
        address - span->start >= std::uintptr_t{span->blocks} * kBlockSize)
      return nullptr;
    return span;
  }
  /// The span of a block (possibly stale for blocks inside a free run);
  /// the marker's hot path checks the range itself.
  Span *const *blockSpans() const { return blockMap; }
  bool contains(std::uintptr_t address) const {
    return address - base < highWater - base;
  }

  /// A run of `blocks` blocks, state Free, all map entries pointing to it;
  /// null if the limit does not allow it. `zeroed` tells whether the memory
  /// has never been used.
  Span *allocateRun(std::uint32_t blocks, bool &zeroed);
  /// Returns a span's blocks to the free bins.
  void freeRun(Span *span);

  std::uintptr_t begin() const { return base; }
  std::uintptr_t end() const { return highWater; }
  std::size_t bytesInSpans() const { return spanBytes; }
  void setLimit(std::size_t bytes) { limitBytes = bytes; }
  std::size_t limit() const { return limitBytes; }

  /// Calls `visit(Span*)` for every small or large span, in address order.
  template <class Visitor> void forEachSpan(Visitor &&visit) const {
    std::uintptr_t block = 0, count = (highWater - base) >> kBlockShift;
    while (block < count) {
      Span *span = blockMap[block];
      if (span->state != SpanState::Free)
        visit(span);
      block += span->blocks;
    }
  }

private:
  static constexpr unsigned kExactBins = 128;

  Span *newDescriptor();
  void releaseDescriptor(Span *span);
  void insertFree(Span *span);
  void removeFree(Span *span);
  void mapBlocks(Span *span, bool everyBlock);

  std::uintptr_t base = 0;
  std::uintptr_t reserveEnd = 0;
  std::uintptr_t highWater = 0;
  std::uintptr_t lsanRegistered = 0;
  std::size_t limitBytes = 0;
  std::size_t spanBytes = 0;
  Span **blockMap = nullptr;
  Span *bins[kExactBins + 1] = {}; ///< bins[n]: runs of n blocks; last: longer
  Span *spareDescriptors = nullptr;
};

} // namespace gc::rt

#endif // GC_RT_ARENA_H
