//===- Fixes.h - Heapify fix-its and where locals live ----------*- C++ -*-===//
//
// A finding whose escaping object is a named local gets the rewrite that
// moves the local to the GC runtime (planned by the lowering, HeapifyPlan.h),
// unless the flow takes the address where the collector cannot see it
// (malloc'd or container memory, another thread, the exception object) or
// the plan itself was refused: then the finding says why and what to do.
//
//===----------------------------------------------------------------------===//
#ifndef CXXESCAPE_FIXES_H
#define CXXESCAPE_FIXES_H

#include "cxxescape/BugMode.h"
#include "cxxescape/Finding.h"
#include "cxxescape/Graph.h"
#include "cxxescape/Placement.h"

#include <vector>

namespace cxxescape {

/// Fills F.Fixes with the heapify rewrite of W's object, or F.NoFixReason.
void attachHeapifyFix(const Graph &G, const Witness &W, Finding &F);

/// Stack or heap for every named local and by-value parameter of G, from
/// the bug-mode witnesses: an object a witness names is heap-managed. Sorted
/// by position.
std::vector<LocalPlacement> placeLocals(const Graph &G,
                                        const std::vector<Witness> &Ws);

} // namespace cxxescape

#endif
