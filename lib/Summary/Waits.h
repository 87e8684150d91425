//===- Waits.h - Callers that wait for the thread they fed -----*- C++ -*-===//
#ifndef CXXESCAPE_SUMMARY_WAITS_H
#define CXXESCAPE_SUMMARY_WAITS_H

#include "cxxescape/Graph.h"
#include "cxxescape/Models.h"

#include <vector>

namespace cxxescape {

/// Which calls wait for another thread: a modelled wait ("waits" in a model
/// file), a loop around a wait step (a sleep, a condition-variable wait), or
/// a call to a function that does either, in any unit.
class Waits {
public:
  Waits(const Graph &G, const std::vector<std::vector<FuncId>> &Targets,
        const std::vector<const ModelEntry *> &Model);
  /// A value handed to another thread by the call St stands for is not
  /// held past an object's end when, on every path to it, the caller waits
  /// first: the other thread signalled that it is done.
  void release(Store &St) const;

private:
  WaitKind kindOf(CallId C) const;

  const std::vector<std::vector<FuncId>> &Targets;
  const std::vector<const ModelEntry *> &Model;
  std::vector<WaitKind> ByFunction;
};

} // namespace cxxescape

#endif
