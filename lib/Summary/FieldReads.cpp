//===- FieldReads.cpp - Which field of a parameter a flow reads -----------===//

#include "FieldReads.h"

namespace cxxescape {

ParamFieldRead ParamFieldRead::step(const Graph &G, bool SrcIsAlloc, LocId Dst,
                                    const Edge &E, int Level, int Next,
                                    int MaxLevel) const {
  if (Decided)
    return *this;
  ParamFieldRead R = *this;
  // A level at the cap may have been cut, and a heap object's address is
  // not counted: the levels below no longer say which object is read.
  if (SrcIsAlloc || Level >= MaxLevel || Next >= MaxLevel) {
    R.Decided = true;
    return R;
  }
  // A read of the object at level ObjLevel: the parameter's value (0), what
  // it points to (1), something deeper (the whole object, to stay simple).
  // Below 0 the object holds the parameter's address: reading a field of it
  // selects where that address is, it reads nothing of the parameter.
  auto Read = [&](int ObjLevel, uint32_t Field) {
    if (ObjLevel < 0)
      return false;
    R.Decided = true;
    if (ObjLevel == 0)
      R.FieldR = Field;
    else if (ObjLevel == 1)
      R.FieldP = Field;
    return true;
  };
  // FieldP is read in the object the first dereference after FieldR
  // reaches.
  if (E.FieldR && Read(Level, E.FieldR))
    return R;
  if (E.FieldP && Read(Level + 1, E.FieldP))
    return R;
  // The parameter (or what it points to) may now be a part of an object: a
  // field written, a store through a pointer (`p->f = v` records no field),
  // a callee's result or store. A later field read would be of that object.
  if (Next >= 0 &&
      (E.FieldW ||
       (E.Flags & (EdgeResolved | EdgeCallContent | EdgeCallResult)) ||
       G.loc(Dst).Kind == LocKind::Indirect))
    R.Decided = true;
  return R;
}

void applyLeakFields(Edge &E, const Leak &L) {
  E.FieldR = L.FieldR;
  E.FieldP = L.FieldP;
  if (L.Sink == LeakSink::Result)
    E.Flags |= EdgeCallResult;
}

} // namespace cxxescape
