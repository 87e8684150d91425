//===- Classify.h - Witnesses to findings -----------------------*- C++ -*-===//
#ifndef CXXESCAPE_CLASSIFY_H
#define CXXESCAPE_CLASSIFY_H

#include "cxxescape/BugMode.h"
#include "cxxescape/Finding.h"
#include "cxxescape/Graph.h"
#include "cxxescape/Solver.h"

#include <vector>

namespace cxxescape {

/// Turns each witness into a finding: the rule it breaks, a message that says
/// what escapes, where to and why it dangles, and one note per flow step.
std::vector<Finding> classifyWitnesses(const Graph &G, const Solver &S,
                                       const std::vector<Witness> &Ws);

} // namespace cxxescape

#endif
