//===- Marker.h - Tri-color marking with an explicit grey stack -*- C++ -*-===//
//
// White: mark bit clear. Grey: mark bit set, object on the grey stack (or
// lost from it by an overflow, see below). Black: marked and scanned.
// `shade` turns a white object grey; `drain` scans grey objects until none
// is left. The concurrent marker of v2 keeps this shape: its write barrier
// calls shade, and its termination re-scans roots until drain finds nothing.
//
// The grey stack has a size limit. When a push would exceed it the object
// stays marked but is not pushed, and the stack records an overflow; once
// drained, the marker re-scans every marked object in the heap (which
// re-greys whatever those objects point to) until a pass ends without
// overflow. Work is never lost, memory stays bounded (Boehm's scheme).
//
// A second mode marks into the verify bitmap instead of the spans' bits,
// for GCRT_VERIFY's independent re-mark.
//
//===----------------------------------------------------------------------===//

#ifndef GC_RT_MARKER_H
#define GC_RT_MARKER_H

#include "MappedVector.h"
#include "Span.h"

#include <cstddef>
#include <cstdint>

namespace gc::rt {

struct Runtime;

class Marker {
public:
  enum class Mode { Primary, Verify };

  Marker(Runtime &rt, MappedVector &greyStack, Mode mode);

  /// Any word: if it points into an allocated object, shade that object.
  void shade(std::uintptr_t word);
  /// Shades every aligned word in [begin, end).
  void scanConservatively(std::uintptr_t begin, std::uintptr_t end);
  /// Scans grey objects until none is left, handling overflows.
  void finish();

  bool isMarked(const Span *span, std::uint32_t index) const;

  std::size_t markedBytes = 0;
  std::size_t markedObjects = 0;
  std::size_t overflowRescans = 0;

private:
  void drain();
  void scanObject(std::uintptr_t cell);
  void rescanMarkedObjects();

  Runtime &rt;
  MappedVector &grey;
  Mode mode;
  // Copied from the arena: the heap does not change while marking, and
  // local copies spare the hot path reloads through `rt`.
  std::uintptr_t arenaBase;
  std::uintptr_t arenaSize;
  Span *const *blockSpans;
  bool overflowed = false;
};

} // namespace gc::rt

#endif // GC_RT_MARKER_H
