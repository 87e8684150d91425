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

private:
  void walkOne(LocId Root, uint32_t Gen, std::vector<LocId> &Todo);
  void recordExplanation(LocId Root, LocId L);

  Graph &G;
  Lifetimes Rule;
  std::vector<std::vector<Step>> Explain;
  std::vector<LocId> Roots;
};

} // namespace cxxescape

#endif
