//===- BugMode.cpp - Pointer resolution and dangling witnesses -----------===//

#include "cxxescape/BugMode.h"

#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <tuple>

namespace cxxescape {

namespace {

constexpr int MaxLevel = 4;  // deeper derefs say nothing new
constexpr int MinLevel = -3; // deeper address chains are not followed

/// What a pointer may point to, found by walking its sources backwards with
/// exact levels: -1 is "holds the address of", >= 0 is "holds a value read
/// from". Once a path holds an address, only further address-of steps keep
/// it meaningful.
struct PointsTo {
  std::vector<LocId> Pointees;
  LocId FromParam = NoLoc; // a parameter (or this) the pointer derives from
  bool FromExternal = false;
};

PointsTo pointsTo(const Graph &G, LocId Ptr) {
  PointsTo R;
  // (location, level, the read by which the walk left the location): a store
  // into a local only counts if it reaches that read.
  std::set<std::tuple<LocId, int, uint32_t>> Seen;
  std::deque<std::tuple<LocId, int, uint32_t>> Work{{Ptr, 0, 0}};
  Seen.insert({Ptr, 0, 0});
  while (!Work.empty()) {
    auto [L, Acc, Read] = Work.front();
    Work.pop_front();
    const Location &Loc = G.loc(L);
    if (Acc >= 0 && L != Ptr) {
      // A parameter's own value comes from the caller, if it is still there.
      bool EntryReaches = Loc.EntryStore == NoStore ||
                          G.storeReaches(Loc.EntryStore, Read);
      if (Loc.isParam() && R.FromParam == NoLoc && EntryReaches)
        R.FromParam = L;
      if (Loc.Kind == LocKind::Sink && Loc.Sink == SinkKind::External)
        R.FromExternal = true;
    }
    for (const Edge &E : Loc.In) {
      if (E.Store > AlwaysHeld && !G.storeReaches(E.Store, Read))
        continue;
      int Next;
      if (Acc >= 0)
        Next = Acc + E.Derefs;
      else if (E.Derefs == -1)
        Next = Acc - 1;
      else
        continue;
      if (Next < -1)
        continue;
      if (Next > MaxLevel)
        Next = MaxLevel;
      if (Next == -1) {
        if (std::find(R.Pointees.begin(), R.Pointees.end(), E.Src) ==
            R.Pointees.end())
          R.Pointees.push_back(E.Src);
        continue;
      }
      if (Seen.insert({E.Src, Next, E.Read}).second)
        Work.push_back({E.Src, Next, E.Read});
    }
  }
  return R;
}

void markSink(Location &L, SinkKind K) {
  L.Attrs |= AttrEscapes | AttrPersists;
  if (L.Sink == SinkKind::None || L.Sink == SinkKind::External)
    L.Sink = K;
}

} // namespace

void prepareGoMode(Graph &G) {
  for (LocId I = 0; I < G.numLocs(); ++I) {
    Location &L = G.loc(I);
    if (L.Kind == LocKind::Result || L.Kind == LocKind::Variable)
      L.Attrs |= AttrPersists;
    if (L.Kind == LocKind::Sink || L.Kind == LocKind::Indirect)
      L.Attrs |= AttrEscapes | AttrPersists;
  }
}

namespace {

bool isCallContentArrival(const Edge &E) {
  return (E.Flags & EdgeResolved) && (E.Flags & EdgeCallContent);
}

bool passesOpaque(const Graph &G, bool Opaque, LocId Dst, const Edge &E) {
  // A summary's read of one field may be of the field the callee filled:
  // it is judged as the copy of the whole object it narrows.
  bool FieldRead =
      E.FieldR != 0 && !(E.Flags & (EdgeCallResult | EdgeCallContent));
  if (!Opaque || FieldRead)
    return !Opaque;
  if (E.Derefs == 0)
    return true; // a copy of the whole object
  // Handing the whole object to a call, and a library model that reads the
  // whole object (a thread's callable, a container's elements).
  if (E.Derefs == -1 && G.loc(Dst).Kind == LocKind::Temp)
    return true;
  for (const Note &N : E.Notes)
    if (N.Why == "container" || N.Why == "view" || N.Why == "thread")
      return true;
  return false;
}

/// Where the value sits after the step, for the summary edges' field
/// reads. Only moves that cannot put the value into another field keep
/// what is known: a copy of the whole object, taking its address. A store
/// through a pointer may write a field (`p->f = v` records none), a callee
/// may do anything, and a decayed array points to an element, not to it.
void fieldsAfter(const Graph &G, const WalkState &From, LocId Dst,
                 const Edge &E, WalkState &To) {
  To.ObjField = E.FieldW;
  To.PointeeField = 0;
  if (E.Flags & (EdgeResolved | EdgeCallContent | EdgeCallResult) ||
      G.loc(Dst).Kind == LocKind::Indirect || E.FieldP)
    return;
  if (E.Derefs == 0) {
    if (!E.FieldW && !E.FieldR)
      To.ObjField = From.ObjField;
    // The same pointer, wherever it is read from.
    To.PointeeField = From.PointeeField;
  } else if (E.Derefs == -1 && !E.FieldR) {
    for (const Note &N : E.Notes)
      if (N.Why == "array decay")
        return;
    To.PointeeField = From.ObjField;
  }
}

} // namespace

bool stepCarries(const Graph &G, const WalkState &From, LocId Dst,
                 const Edge &E, WalkState &To) {
  // Reading a local only sees the stores into it that reach the read.
  if (From.Arrival > AlwaysHeld && !G.storeReaches(From.Arrival, E.Read))
    return false;
  // Reading another field than the one written carries nothing.
  if (From.Field && E.FieldR && From.Field != E.FieldR)
    return false;
  if (!passesOpaque(G, From.Opaque, Dst, E))
    return false;
  bool Summary = E.Flags & (EdgeCallResult | EdgeCallContent);
  // A callee's read of one field of its argument (or of what it points to)
  // carries nothing from another field.
  if (Summary && E.FieldR && From.ObjField && From.ObjField != E.FieldR)
    return false;
  if (Summary && E.FieldP && From.PointeeField && From.PointeeField != E.FieldP)
    return false;
  To.Last = E.Store != NoStore ? E.Store : From.Last;
  To.Arrival = E.Store;
  To.Field = E.FieldW;
  To.Opaque = From.Opaque || isCallContentArrival(E);
  fieldsAfter(G, From, Dst, E, To);
  return true;
}

void markBugModeSinks(Graph &G) {
  for (LocId I = 0; I < G.numLocs(); ++I) {
    Location &L = G.loc(I);
    // The owner stands for its object here, as the models say.
    L.In.erase(std::remove_if(L.In.begin(), L.In.end(),
                              [](const Edge &E) {
                                return (E.Flags & EdgeOwnedAlloc) != 0;
                              }),
               L.In.end());
    if (L.Kind == LocKind::Result || L.Kind == LocKind::Variable)
      L.Attrs |= AttrPersists;
    if (L.Kind == LocKind::Sink &&
        (L.Sink == SinkKind::Heap || L.Sink == SinkKind::Global ||
         L.Sink == SinkKind::Throw || L.Sink == SinkKind::Thread ||
         L.Sink == SinkKind::OutParam || L.Sink == SinkKind::Member))
      L.Attrs |= AttrEscapes | AttrPersists;
    // A closure object is copied by value in C++, not pointed to.
    for (Edge &E : L.In)
      if (E.Flags & EdgeValueSpill) {
        E.Derefs += 1;
        E.Flags &= ~EdgeValueSpill;
      }
  }
}

std::vector<FlowStep> StoreResolver::resolve(Graph &G,
                                             const std::vector<LocId> &Stores) {
  // Resolve stores through pointers until no new target appears: a resolved
  // store may itself create an address another pointer now reaches.
  std::vector<FlowStep> Added;
  for (int Round = 0; Round < 8; ++Round) {
    bool Changed = false;
    for (LocId I : Stores) {
      if (G.loc(I).Kind != LocKind::Indirect || G.loc(I).PtrOf == NoLoc)
        continue;
      PointsTo PT = pointsTo(G, G.loc(I).PtrOf);
      Location &Ind = G.loc(I);
      if (PT.FromParam != NoLoc && !Ind.has(AttrEscapes)) {
        markSink(Ind, G.loc(PT.FromParam).Kind == LocKind::This
                          ? SinkKind::Member
                          : SinkKind::OutParam);
        Ind.Via = PT.FromParam;
        Changed = true;
      }
      if (PT.FromExternal && !Ind.has(AttrEscapes)) {
        markSink(Ind, SinkKind::Global);
        Changed = true;
      }
      for (LocId P : PT.Pointees) {
        if (!Resolved.insert({I, P}).second)
          continue;
        const Location &Target = G.loc(P);
        if (Target.Kind == LocKind::Sink) {
          // Pointing at a global: the store lands in global memory.
          if (Target.Sink == SinkKind::External && !Ind.has(AttrEscapes))
            markSink(G.loc(I), SinkKind::Global);
          continue;
        }
        uint8_t Flags = EdgeResolved;
        for (const Edge &E : Ind.In)
          if (E.Flags & EdgeCallContent)
            Flags |= EdgeCallContent;
        G.addEdge(P, I, 0, Flags, NoStore,
                  {Note{Ind.Decl, "store through pointer",
                        "stored through a pointer into '" + Target.Name +
                            "'"}});
        Added.push_back({P, static_cast<int>(G.loc(P).In.size() - 1)});
        Changed = true;
      }
    }
    if (!Changed)
      break;
  }
  return Added;
}

void prepareBugMode(Graph &G) {
  markBugModeSinks(G);
  std::vector<LocId> All;
  for (LocId I = 0; I < G.numLocs(); ++I)
    if (G.loc(I).Kind == LocKind::Indirect)
      All.push_back(I);
  StoreResolver R;
  R.resolve(G, All);
}

namespace {

bool holderOutlives(const Graph &G, LocId HId, LocId XId) {
  if (HId == XId)
    return false;
  const Location &H = G.loc(HId);
  const Location &X = G.loc(XId);
  switch (H.Kind) {
  case LocKind::Sink:
  case LocKind::Indirect:
    return H.has(AttrEscapes);
  case LocKind::Result:
    // A lambda's result, seen by the enclosing function's calls only, does
    // not outlive that function's objects.
    return !G.containsClosure(X.Fn, H.Fn);
  case LocKind::Alloc:
    // Heap memory that itself outlives the function keeps what it holds.
    return H.has(AttrEscapes);
  case LocKind::Temp:
    return false;
  default:
    break;
  }
  if (H.Fn == X.Fn && G.scopeEncloses(H.Scope, X.Scope))
    return true;
  return G.containsClosure(H.Fn, X.Fn);
}

struct SearchState {
  LocId Loc;
  int Level;
  WalkState Walk;
  int Parent; // index into the state list
  FlowStep Via;
};

} // namespace

std::vector<Witness> findDanglingWitnesses(const Graph &G, const Solver &S) {
  (void)S;
  // Outgoing edges: who reads from whom.
  std::vector<std::vector<FlowStep>> Out(G.numLocs());
  for (LocId D = 0; D < G.numLocs(); ++D) {
    const Location &L = G.loc(D);
    for (size_t I = 0; I < L.In.size(); ++I)
      Out[L.In[I].Src].push_back({D, static_cast<int>(I)});
  }

  // Where a value sits matters only to the field reads of summary edges:
  // without them, states that differ only there are one (as before they
  // existed), so the search is the same.
  bool FieldReads = false;
  for (LocId D = 0; D < G.numLocs() && !FieldReads; ++D)
    for (const Edge &E : G.loc(D).In)
      if ((E.Flags & (EdgeCallResult | EdgeCallContent)) &&
          (E.FieldR || E.FieldP))
        FieldReads = true;

  std::vector<Witness> Result;
  for (LocId X = 0; X < G.numLocs(); ++X) {
    const Location &Obj = G.loc(X);
    if (!Obj.isStackObject())
      continue;
    std::vector<SearchState> States;
    std::set<std::tuple<LocId, int, StoreId, bool, uint32_t, uint32_t>> Seen;
    std::deque<int> Work;
    States.push_back({X, 0, WalkState{}, -1, {NoLoc, -1}});
    Work.push_back(0);
    int Found = -1;
    while (!Work.empty() && Found < 0) {
      int Cur = Work.front();
      Work.pop_front();
      SearchState St = States[Cur];
      for (const FlowStep &Step : Out[St.Loc]) {
        const Edge &E = G.loc(Step.Dst).In[Step.EdgeIndex];
        int Next;
        if (St.Loc == X)
          Next = E.Derefs; // Dst = (d) X
        else
          Next = St.Level + E.Derefs;
        // Only "holds an address of X" (negative) levels matter; a copy of
        // X's value is not X's address.
        if (Next >= 0 || Next < MinLevel)
          continue;
        WalkState To;
        if (!stepCarries(G, St.Walk, Step.Dst, E, To))
          continue;
        StoreId Last = To.Last;
        // With Field set, ObjField is Field: told apart as before, not more.
        uint32_t Where = FieldReads && !To.Field ? To.ObjField : 0;
        uint32_t Pointee = FieldReads ? To.PointeeField : 0;
        if (!Seen.insert({Step.Dst, Next, Last, To.Opaque, Where, Pointee})
                 .second)
          continue;
        States.push_back({Step.Dst, Next, To, Cur, Step});
        int Idx = static_cast<int>(States.size() - 1);
        if (Next == -1 && holderOutlives(G, Step.Dst, X) &&
            (Last == NoStore || G.store(Last).survives(X, Obj.Fn))) {
          Found = Idx;
          break;
        }
        Work.push_back(Idx);
      }
    }
    if (Found < 0)
      continue;
    Witness W;
    W.Object = X;
    W.Holder = States[Found].Loc;
    for (int I = Found; I > 0; I = States[I].Parent) {
      W.Steps.push_back(States[I].Via);
      if (G.loc(States[I].Loc).Kind == LocKind::Closure)
        W.ThroughClosure = true;
    }
    std::reverse(W.Steps.begin(), W.Steps.end());
    Result.push_back(std::move(W));
  }
  return Result;
}

} // namespace cxxescape
