//===- BugMode.h - From Go's verdicts to C++ dangling pointers --*- C++ -*-===//
//
// Go calls every store through a pointer a heap store and ignores statement
// order. A C++ bug finder cannot: it must know where a pointer points and
// whether the stored address is still there when the object dies. This file
// prepares a lowered graph for either vocabulary and, for bug mode, finds a
// witness path per escaping stack object.
//
//===----------------------------------------------------------------------===//
#ifndef CXXESCAPE_BUGMODE_H
#define CXXESCAPE_BUGMODE_H

#include "cxxescape/Graph.h"
#include "cxxescape/Solver.h"

#include <set>
#include <utility>
#include <vector>

namespace cxxescape {

/// Go's reading: stores through pointers, unknown calls and globals' memory
/// are the heap.
void prepareGoMode(Graph &G);

/// One step of a witness, in flow order: the edge Dst.In[EdgeIndex].
struct FlowStep {
  LocId Dst;
  int EdgeIndex;
};

/// C++'s reading: stores through a pointer go where the pointer points
/// (a local, the caller's memory through a parameter, *this, a global), and
/// calls the engine does not see into are left alone.
void prepareBugMode(Graph &G);

/// What a forward walk over the flows knows about the value it follows.
struct WalkState {
  StoreId Last = NoStore;    // the last store the value went through
  StoreId Arrival = NoStore; // the store of the edge into the location
  uint32_t Field = 0;        // the field of the location that edge wrote
  /// The value sits somewhere in an object a callee filled: only copies of
  /// the whole object carry it on (the summary does not say which field).
  bool Opaque = false;
  /// For the field reads of summary edges (EdgeCallResult, EdgeCallContent):
  /// the first-level field of the location's object that holds the value
  /// (Field, kept through copies of the whole object), and the one of the
  /// object the location's value points to. 0: not known.
  uint32_t ObjField = 0;
  uint32_t PointeeField = 0;
};

/// Whether the edge Dst = (d) Src carries a value the walk holds at Src:
/// a read of a local sees only the stores that reach it, a field read only
/// the field written (for a summary's read, of the object or of its
/// pointee). Fills the state at Dst.
bool stepCarries(const Graph &G, const WalkState &From, LocId Dst,
                 const Edge &E, WalkState &To);

/// The first half of prepareBugMode: which sinks outlive everything.
void markBugModeSinks(Graph &G);

/// The second half, incremental: resolves the given stores through
/// pointers (Indirect locations) and returns the edges it added. Each
/// (store, target) pair is resolved once over the resolver's life.
class StoreResolver {
public:
  std::vector<FlowStep> resolve(Graph &G, const std::vector<LocId> &Stores);

private:
  std::set<std::pair<LocId, LocId>> Resolved;
};

/// Why a stack object dangles: the first location that outlives it and still
/// holds its address when it dies, and the flow that put it there.
struct Witness {
  LocId Object = NoLoc;
  LocId Holder = NoLoc;
  std::vector<FlowStep> Steps;
  bool ThroughClosure = false;
};

/// Searches, for every stack object, a flow of its address into a location
/// that outlives it and still holds the address when the object dies. The
/// solver must have run walkAll on the same bug-mode graph.
std::vector<Witness> findDanglingWitnesses(const Graph &G, const Solver &S);

} // namespace cxxescape

#endif
