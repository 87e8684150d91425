//===- HeapAllocs.h - Heap objects that could live on the stack -*- C++ -*-===//
//
// escape-heap-to-stack and escape-leak: allocation sites that Go's rules keep
// on the stack (the solver says they do not escape), judged with lowering's
// facts about their size and how the program frees them.
//
//===----------------------------------------------------------------------===//
#ifndef CXXESCAPE_HEAPALLOCS_H
#define CXXESCAPE_HEAPALLOCS_H

#include "cxxescape/Finding.h"
#include "cxxescape/Graph.h"

#include <cstdint>
#include <vector>

namespace cxxescape {

/// Go's MaxImplicitStackVarSize: new(T), &T{} and make([]T, n) larger than
/// this go to the heap.
constexpr uint64_t GoImplicitStackLimit = 64 * 1024;

struct HeapAllocOptions {
  bool HeapToStack = false; // escape-heap-to-stack
  bool Leak = false;        // escape-leak
  /// The largest object the rule moves to the stack, in bytes.
  uint64_t MaxStackAlloc = GoImplicitStackLimit;
};

/// Solved must have been solved under Go's rules (solveProgramGo): an
/// allocation escapes when its AttrEscapes is set.
std::vector<Finding> findHeapAllocations(const Graph &Solved,
                                         const HeapAllocOptions &Opts);

} // namespace cxxescape

#endif
