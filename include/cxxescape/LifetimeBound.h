//===- LifetimeBound.h - Suggesting [[clang::lifetimebound]] ----*- C++ -*-===//
//
// Go's "leaking param: p to result ~r0 level=0" is exactly what Clang's
// [[clang::lifetimebound]] declares. A parameter whose computed summary says
// so, but whose declaration does not, is worth the attribute: Clang then
// checks every call site, in code this tool never analyses.
//
//===----------------------------------------------------------------------===//
#ifndef CXXESCAPE_LIFETIMEBOUND_H
#define CXXESCAPE_LIFETIMEBOUND_H

#include "cxxescape/Finding.h"
#include "cxxescape/Graph.h"

#include <vector>

namespace cxxescape {

/// escape-lifetimebound findings, with their fix-its. Reads the summaries
/// the interprocedural pass computed (none without it).
std::vector<Finding> suggestLifetimeBound(const Graph &G);

} // namespace cxxescape

#endif
