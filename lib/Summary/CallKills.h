//===- CallKills.h - Calls that undo an earlier store ----------*- C++ -*-===//
#ifndef CXXESCAPE_SUMMARY_CALLKILLS_H
#define CXXESCAPE_SUMMARY_CALLKILLS_H

#include "cxxescape/Graph.h"

#include <vector>

namespace cxxescape {

/// A store of an address into field f outlives an object only if no call
/// that assigns f (itself or through its callees) is made on every path
/// between the store and the object's end: such a call may have put another
/// value there (a pop, an unregister). Targets lists each call's bodies.
void undoStoresByCalls(Graph &G,
                       const std::vector<std::vector<FuncId>> &Targets);

} // namespace cxxescape

#endif
