//===- Placement.h - Where each local lives ---------------------*- C++ -*-===//
//
// Plain values for the reporters (the HTML report marks every local): a
// named local or parameter is either a stack object or, in Go's words,
// "moved to heap". One function computes the list (Fixes.h: placeLocals),
// so the verdict can later come from Go mode instead of bug mode.
//
//===----------------------------------------------------------------------===//
#ifndef CXXESCAPE_PLACEMENT_H
#define CXXESCAPE_PLACEMENT_H

#include "cxxescape/Finding.h"

#include <string>
#include <vector>

namespace cxxescape {

struct LocalPlacement {
  SourceSpot Where; // the declaration's name
  std::string Name;
  std::string Function;
  /// Heap-managed: its address outlives it, so Go would move it to the heap
  /// and the heapify fix-it would give it to the GC runtime.
  bool Heap = false;
  /// Why, in a few words ("its address is returned from 'f'").
  std::string Why;
  /// For a local already bound to a gc::make'd object: that call, where the
  /// runtime's allocation-site report counts its cost. Empty File if none.
  SourceSpot Site;
};

} // namespace cxxescape

#endif
