//===- GoBatches.h - Go's batches: components of the call graph -*- C++ -*-===//
//
// Go analyses the strongly connected components of the static call graph
// one at a time, callees first (ir.VisitFuncsBottomUp). A lambda belongs to
// the batch of the function that writes it, like a Go closure.
//
//===----------------------------------------------------------------------===//
#ifndef CXXESCAPE_GOMODE_GOBATCHES_H
#define CXXESCAPE_GOMODE_GOBATCHES_H

#include "cxxescape/Graph.h"
#include "cxxescape/Models.h"
#include "cxxescape/Solver.h"

#include <vector>

namespace cxxescape::gomode {

/// Marks Go's sinks, then solves the batches callees first: the calls of a
/// batch become edges (Go's tagHole, or direct edges into a callee of the
/// same batch), then the solver walks the batch's locations.
void solveBatches(Graph &G, Solver &S, const ModelSet &Models);

} // namespace cxxescape::gomode

#endif
