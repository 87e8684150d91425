//===- ComputeSummary.h - A function's summary read off the graph -*- C++ -*-===//
#ifndef CXXESCAPE_SUMMARY_COMPUTESUMMARY_H
#define CXXESCAPE_SUMMARY_COMPUTESUMMARY_H

#include "cxxescape/BugMode.h"
#include "cxxescape/Graph.h"

#include <vector>

namespace cxxescape {

/// computeSummary (Interprocedural.h) with the edges out of each location
/// already indexed (Out[L]: the edges whose source is L), as the
/// interprocedural pass keeps them while it adds edges.
FunctionSummary computeSummary(const Graph &G, FuncId F,
                               const std::vector<std::vector<FlowStep>> &Out);

} // namespace cxxescape

#endif
