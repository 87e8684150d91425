//===- FieldReads.h - Which field of a parameter a flow reads ---*- C++ -*-===//
//
// `return f.out` hands the caller f.out, not everything f holds. While
// computeSummary follows a parameter's value, this tracks the first field
// read of the parameter's object (or of what it points to), so the leak can
// name it (Leak::FieldR, Leak::FieldP) and the edge applied at a call reads
// only that field. Anything that may put the parameter inside another
// object first makes the flow one of the whole object again.
//
//===----------------------------------------------------------------------===//
#ifndef CXXESCAPE_SUMMARY_FIELDREADS_H
#define CXXESCAPE_SUMMARY_FIELDREADS_H

#include "cxxescape/Graph.h"

#include <tuple>

namespace cxxescape {

struct ParamFieldRead {
  /// The flow is known to read FieldR or FieldP, or (both 0) to carry the
  /// whole object; until then the walk holds the parameter itself, or an
  /// address of it, at the level it is at.
  bool Decided = false;
  uint32_t FieldR = 0; // a field of the parameter's value
  uint32_t FieldP = 0; // a field of what the parameter points to

  /// The state after the step Dst = (E.Derefs) Src, from level Level of the
  /// parameter (its value is level 0) to level Next. SrcIsAlloc: Src is a
  /// heap object, whose address computeSummary does not count as a level.
  ParamFieldRead step(const Graph &G, bool SrcIsAlloc, LocId Dst, const Edge &E,
                      int Level, int Next, int MaxLevel) const;

  friend bool operator<(const ParamFieldRead &A, const ParamFieldRead &B) {
    return std::tie(A.Decided, A.FieldR, A.FieldP) <
           std::tie(B.Decided, B.FieldR, B.FieldP);
  }
};

/// Makes the edge a call's summary added for L read what L reads.
void applyLeakFields(Edge &E, const Leak &L);

} // namespace cxxescape

#endif
