//===- Solver.h - Go's escape solver over the graph IR ----------*- C++ -*-===//
//
// walkAll / walkOne / outlives exactly as in Go's solve.go: shortest "derefs"
// paths into every root, clamped at zero, re-walking a location when its
// attributes grow. Scope nesting takes the place of Go's loop depth in bug
// mode; Go mode keeps loop depth so verdicts match the Go compiler.
//
//===----------------------------------------------------------------------===//
#ifndef CXXESCAPE_SOLVER_H
#define CXXESCAPE_SOLVER_H

#include "cxxescape/Graph.h"

#include <vector>

namespace cxxescape {

enum class Lifetimes {
  GoLoops,   // Go: a variable outlives only across loop iterations
  CxxScopes, // C++: every block ends the lifetimes declared in it
};

class Solver {
public:
  Solver(Graph &G, Lifetimes L) : G(G), Rule(L) {}

  /// Runs the fixpoint; afterwards AttrEscapes marks every location whose
  /// address may outlive it, and parameters carry their leaks.
  void walkAll();

  /// Go's batch: walks only from the given roots (Go mode solves the
  /// call graph's components one at a time, callees first). Explanations of
  /// earlier batches are kept.
  void walkRoots(const std::vector<LocId> &Roots);

  /// "Would values stored in L survive beyond Other's lifetime?"
  bool outlives(LocId L, LocId Other) const;

  /// The path recorded for the escape of Obj: edges from Obj toward the root
  /// that made it escape, as (destination, incoming-edge index) pairs.
  struct Step {
    LocId Dst;
    int EdgeIndex;
  };
  const std::vector<Step> &explanation(LocId Obj) const;
  LocId escapeRoot(LocId Obj) const;

  /// -m=2's "parameter p leaks to ROOT with derefs=D": the first flow found
  /// from each parameter to each root that outlives it. Recorded only after
  /// traceLeaks(true).
  struct LeakTrace {
    LocId Param;
    LocId Root;
    int Derefs;
    std::vector<Step> Path;
  };
  void traceLeaks(bool On) { TraceLeaks = On; }
  const std::vector<LeakTrace> &leakTraces() const { return Leaks; }

private:
  void walkOne(LocId Root, uint32_t Gen, std::vector<LocId> &Todo);
  void recordExplanation(LocId Root, LocId L);
  std::vector<Step> pathToRoot(LocId Root, LocId L) const;

  Graph &G;
  Lifetimes Rule;
  std::vector<std::vector<Step>> Explain;
  std::vector<LocId> Roots;
  /// The walk generation; it keeps counting across walkRoots calls, so a
  /// location's scratch state from an earlier batch is never taken as
  /// current.
  uint32_t Gen = 0;
  bool TraceLeaks = false;
  std::vector<LeakTrace> Leaks;
  std::vector<std::pair<LocId, LocId>> LeaksSeen; // (param, root), sorted
};

} // namespace cxxescape

#endif
