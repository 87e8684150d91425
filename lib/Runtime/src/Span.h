//===- Span.h - A run of blocks: small-object page, large object or free -*- C++
//-*-=//
//
// A span describes a run of 8 KiB blocks of the arena. Small spans are cut
// into equal cells and carry side bitmaps: `allocBits` (allocated as of the
// last sweep), `markBits` (found reachable by the current mark). Cells below
// `freeIndex` have been handed out since the last sweep, so a cell is
// allocated iff `index < freeIndex || allocBits[index]` (Go's scheme: the
// allocator only ever moves forward, so it needs no bits of its own). The
// owning thread advances freeIndex after the cell is fully initialized,
// which makes allocation atomic with respect to the stop signal.
//
// A large span holds one object; bit 0 of its bitmaps says allocated/marked.
//
//===----------------------------------------------------------------------===//

#ifndef GC_RT_SPAN_H
#define GC_RT_SPAN_H

#include "SizeClasses.h"

#include <cstdint>

namespace gc::rt {

enum class SpanState : std::uint8_t { Free, Small, Large };

struct Span {
  std::uintptr_t start = 0;
  std::uint32_t blocks = 0;
  SpanState state = SpanState::Free;
  std::uint8_t sizeClass = 0;
  std::uint8_t kind = 0; ///< kSpanKindNoScan | kSpanKindDestructors
  bool owned = false;    ///< a thread cache allocates from it
  bool poisoned = false; ///< every free cell holds the poison pattern
  std::uint32_t cellSize = 0;
  std::uint32_t cells = 0;
  std::uint32_t freeIndex = 0;
  /// Multiply-shift reciprocal of cellSize: index = (offset * m) >> 40,
  /// exact for offsets below 1 MiB.
  std::uint64_t reciprocal = 0;
  Span *next = nullptr; ///< in a free-run bin, a partial or unswept list
  Span *previous = nullptr;
  std::uint64_t allocBits[kBitmapWords];
  std::uint64_t markBits[kBitmapWords];

  std::uintptr_t end() const {
    return start + std::uintptr_t{blocks} * kBlockSize;
  }
  bool noScan() const { return kind & kSpanKindNoScan; }
  bool hasDestructors() const { return kind & kSpanKindDestructors; }
  unsigned bitmapWords() const { return (cells + 63) / 64; }

  std::uint32_t cellIndex(std::uintptr_t address) const {
    return static_cast<std::uint32_t>(((address - start) * reciprocal) >> 40);
  }
  std::uintptr_t cellAddress(std::uint32_t index) const {
    return start + std::uintptr_t{index} * cellSize;
  }
  bool isAllocated(std::uint32_t index) const {
    return index < freeIndex || (allocBits[index >> 6] >> (index & 63)) & 1;
  }
  bool isMarked(std::uint32_t index) const {
    return (markBits[index >> 6] >> (index & 63)) & 1;
  }
  /// Returns true if the bit was clear. Single marker thread for now; the
  /// concurrent marker will make this an atomic fetch_or.
  bool setMark(std::uint32_t index) {
    std::uint64_t bit = std::uint64_t{1} << (index & 63);
    std::uint64_t &word = markBits[index >> 6];
    if (word & bit)
      return false;
    word |= bit;
    return true;
  }
  /// Allocation state of the cells in bitmap word `w`, folding in freeIndex.
  std::uint64_t allocatedWord(unsigned w) const {
    std::uint64_t bits = allocBits[w];
    std::uint32_t first = w * 64;
    if (freeIndex > first)
      bits |= freeIndex - first >= 64
                  ? ~std::uint64_t{0}
                  : (std::uint64_t{1} << (freeIndex - first)) - 1;
    return bits & validMask(w);
  }
  std::uint64_t validMask(unsigned w) const {
    std::uint32_t first = w * 64;
    if (cells - first >= 64)
      return ~std::uint64_t{0};
    return (std::uint64_t{1} << (cells - first)) - 1;
  }
};

} // namespace gc::rt

#endif // GC_RT_SPAN_H
