//===- Heap.h - Central span lists, lazy sweeping, large objects -*- C++
//-*-===//
//
// After a mark, every span not owned by a thread is put on its class's
// unswept list. Allocators sweep spans of their own class on demand (lazy
// sweeping); whatever is left is swept before the next mark. Sweeping only
// flips bitmaps (allocBits = markBits) and, in poison mode, fills the dead
// cells; destructors never run here: the mark phase has already queued
// every dead destructible object for the finalizer thread.
//
// Sweeping is also where each live object's bytes are added to its
// allocation site (the marker does not count them: reading the site out of
// every header cost about a tenth of the mark loop). Spans that are not
// swept lazily are counted in prepareSweep: large objects and spans owned
// by a thread cache. A site's live counters are therefore complete once
// finishSweep has run; the site report runs it first.
//
// All members are protected by `lock`.
//
//===----------------------------------------------------------------------===//

#ifndef GC_RT_HEAP_H
#define GC_RT_HEAP_H

#include "Arena.h"
#include "SiteTable.h"
#include "SizeClasses.h"
#include "Span.h"

#include <cstddef>
#include <cstdint>
#include <mutex>

namespace gc::rt {


class Heap {
public:
  void init(std::size_t reserve, std::size_t limit, bool hugePages);

  /// Sweeps an unswept span: frees it if empty; true if it has free cells
  /// and live ones (a partial span), false if it was freed or is full.
  bool sweepAndRelease(Span *span, bool poison);
  /// Gives the cursor a span of `spanClass` with a free cell; null if the
  /// heap is exhausted. Does not collect (the caller decides).
  Span *takeSpan(unsigned spanClass, bool poison);
  /// The cursor's span is full or the thread is leaving: fold its
  /// allocation index into the bitmap and put it where it belongs.
  void releaseOwned(Span *span);

  /// A large object's run, its memory zeroed. Null if exhausted.
  Span *takeLargeRun(std::size_t bytes, unsigned kind);

  /// Sweeps every span still unswept (before a mark, or to find memory).
  void finishSweep(bool poison);

  /// With the world stopped, after marking: builds the unswept lists, frees
  /// dead large objects, clears mark bits, recomputes `inUse`.
  void prepareSweep(std::size_t markedBytes);

  Arena arena;
  std::mutex lock;
  /// Live bytes per site are added here while sweeping (under `lock`).
  SiteTable *sites = nullptr;
  /// Bytes in allocated cells plus cells reserved by thread cursors; the
  /// pacer compares it with the goal.
  std::size_t inUse = 0;

private:
  unsigned sweepSpan(Span *span, bool poison);
  /// Adds every marked cell of `span` to its site's live counters.
  void countLiveSites(const Span *span);
  void initSmallSpan(Span *span, unsigned spanClass, bool poison);
  static void push(Span *&list, Span *span) {
    span->next = list;
    list = span;
  }
  static Span *pop(Span *&list) {
    Span *span = list;
    if (span)
      list = span->next;
    return span;
  }

  Span *partial[kMaxSpanClasses] = {};
  Span *unswept[kMaxSpanClasses] = {};
};

/// Fills a freed cell with the poison byte (and ASan-poisons it).
void poisonCell(std::uintptr_t cell, std::size_t bytes);
/// Aborts if a free cell about to be reused is not fully poisoned.
void checkPoisonedCell(std::uintptr_t cell, std::size_t bytes);

inline constexpr unsigned char kPoisonByte = 0xdb;

} // namespace gc::rt

#endif // GC_RT_HEAP_H
