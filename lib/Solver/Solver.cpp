//===- Solver.cpp - walkAll, walkOne and outlives -------------------------===//
//
// A location's Derefs during a walk is how many times the root must be
// dereferenced to reach that location's value: -1 means the root holds its
// address. A propagated value is clamped at 0, so "root = &l; l = x" does not
// make x's address reach root; this keeps the shortest-path problem free of
// negative cycles.
//
//===----------------------------------------------------------------------===//

#include "cxxescape/Solver.h"

#include <algorithm>
#include <deque>

namespace cxxescape {

namespace {
constexpr uint8_t AllAttrs = AttrEscapes | AttrPersists;
} // namespace

bool Solver::outlives(LocId LId, LocId OtherId) const {
  const Location &L = G.loc(LId);
  const Location &Other = G.loc(OtherId);
  // The heap, and anything already moved there, outlives everything.
  if (L.has(AttrEscapes))
    return true;
  // Pseudo locations that are not escaping sinks hold nothing for long.
  if (L.Kind == LocKind::Sink)
    return false;
  if (L.Kind == LocKind::Result) {
    // A lambda whose every call is seen may return addresses of the
    // enclosing function's variables: they outlive its calls.
    if (G.containsClosure(Other.Fn, L.Fn))
      return false;
    return true;
  }
  if (L.Fn == Other.Fn && L.Fn != NoFunc) {
    if (Rule == Lifetimes::GoLoops) {
      if (L.Scope != NoScope && Other.Scope != NoScope &&
          G.scope(L.Scope).LoopDepth < G.scope(Other.Scope).LoopDepth)
        return true;
    } else if (G.scopeEncloses(L.Scope, Other.Scope)) {
      return true;
    }
  }
  // A variable of the enclosing function outlives the lambda's frame.
  if (G.containsClosure(L.Fn, Other.Fn))
    return true;
  return false;
}

/// In C++ scopes, a location that neither escapes nor is a result outlives
/// only the locations of strictly inner scopes of its function and those of
/// lambdas nested in it. A walk from a root that has neither finds nothing
/// to mark; skipping it keeps a long chain or cycle of copies in one scope
/// linear instead of one walk per location (N^2/2 steps).
static std::vector<bool> rootsThatMatter(const Graph &G, Lifetimes Rule) {
  std::vector<bool> Matters(G.numLocs(), true);
  if (Rule != Lifetimes::CxxScopes)
    return Matters;
  ScopeId MaxScope = 0;
  for (LocId I = 0; I < G.numLocs(); ++I)
    if (G.loc(I).Scope != NoScope)
      MaxScope = std::max(MaxScope, G.loc(I).Scope);
  // Scopes with a location in a strictly inner scope (any function: a
  // lambda's body scope may hang below its parent's, which only keeps more).
  std::vector<bool> HasInner(MaxScope + 1, false);
  for (LocId I = 0; I < G.numLocs(); ++I) {
    ScopeId S = G.loc(I).Scope;
    if (S == NoScope)
      continue;
    for (ScopeId P = G.scope(S).Parent; P != NoScope && !HasInner[P];
         P = G.scope(P).Parent)
      HasInner[P] = true;
  }
  std::vector<bool> HasLambda(G.numFuncs(), false);
  for (FuncId F = 0; F < G.numFuncs(); ++F)
    for (FuncId P = G.func(F).Parent; P != NoFunc && !HasLambda[P];
         P = G.func(P).Parent)
      HasLambda[P] = true;
  for (LocId I = 0; I < G.numLocs(); ++I) {
    const Location &L = G.loc(I);
    if (L.Kind == LocKind::Result || L.has(AttrEscapes))
      continue;
    bool Inner = L.Scope != NoScope && HasInner[L.Scope];
    bool Lambda = L.Fn != NoFunc && HasLambda[L.Fn];
    if (L.Kind == LocKind::Sink || L.Fn == NoFunc || (!Inner && !Lambda))
      Matters[I] = false;
  }
  return Matters;
}

void Solver::walkAll() {
  Explain.assign(G.numLocs(), {});
  Roots.assign(G.numLocs(), NoLoc);
  std::vector<LocId> All(G.numLocs());
  for (LocId I = 0; I < G.numLocs(); ++I)
    All[I] = I;
  walkRoots(All);
}

void Solver::walkRoots(const std::vector<LocId> &Start) {
  Explain.resize(G.numLocs());
  Roots.resize(G.numLocs(), NoLoc);
  const std::vector<bool> Matters = rootsThatMatter(G, Rule);
  std::deque<LocId> Todo;
  for (LocId I : Start) {
    Location &L = G.loc(I);
    L.QueuedAll = true;
    // Escaping locations are roots first: they decide the most.
    if (L.has(AttrEscapes))
      Todo.push_front(I);
    else
      Todo.push_back(I);
  }
  std::vector<LocId> Enqueued;
  while (!Todo.empty()) {
    LocId Root = Todo.front();
    Todo.pop_front();
    G.loc(Root).QueuedAll = false;
    // A root that came to escape during the walk matters again.
    if (!Matters[Root] && !G.loc(Root).has(AttrEscapes))
      continue;
    Enqueued.clear();
    walkOne(Root, ++Gen, Enqueued);
    for (LocId L : Enqueued) {
      Location &Loc = G.loc(L);
      if (Loc.QueuedAll)
        continue;
      Loc.QueuedAll = true;
      if (Loc.has(AttrEscapes))
        Todo.push_front(L);
      else
        Todo.push_back(L);
    }
  }
}

void Solver::walkOne(LocId RootId, uint32_t Gen, std::vector<LocId> &Todo) {
  Location &Root = G.loc(RootId);
  Root.WalkGen = Gen;
  Root.Derefs = 0;
  Root.Dst = NoLoc;
  Root.DstEdge = -1;

  std::deque<LocId> Queue{RootId};
  Root.QueuedOneGen = Gen;
  while (!Queue.empty()) {
    LocId LId = Queue.front();
    Queue.pop_front();
    Location &L = G.loc(LId);
    L.QueuedOneGen = 0;

    int Derefs = L.Derefs;
    uint8_t NewAttrs = 0;
    if (Derefs < 0) {
      // L's address reaches the root.
      Derefs = 0;
      if (outlives(RootId, LId)) {
        NewAttrs |= AllAttrs;
        if (!L.has(AttrEscapes))
          recordExplanation(RootId, LId);
      } else if (Root.has(AttrPersists)) {
        NewAttrs |= AttrPersists;
      }
    }
    if (L.isParam() && outlives(RootId, LId)) {
      if (TraceLeaks) {
        std::pair<LocId, LocId> Key{LId, RootId};
        auto It = std::lower_bound(LeaksSeen.begin(), LeaksSeen.end(), Key);
        if (It == LeaksSeen.end() || *It != Key) {
          LeaksSeen.insert(It, Key);
          Leaks.push_back({LId, RootId, Derefs, pathToRoot(RootId, LId)});
        }
      }
      const Location &R = G.loc(RootId);
      if (!R.has(AttrEscapes) && R.Kind == LocKind::Result && R.Fn == L.Fn &&
          R.ResultIndex - 1 < Leaks::NumResults)
        L.ParamLeaks.addResult(R.ResultIndex - 1, Derefs);
      else
        L.ParamLeaks.addHeap(Derefs);
    }
    if ((NewAttrs & ~L.Attrs) != 0) {
      L.Attrs |= NewAttrs;
      Todo.push_back(LId);
      // An escaping location acts like the heap: it is its own root.
      if (L.has(AttrEscapes))
        continue;
    }
    for (size_t I = 0; I < L.In.size(); ++I) {
      const Edge &E = L.In[I];
      Location &Src = G.loc(E.Src);
      if (Src.has(AttrEscapes))
        continue;
      int D = Derefs + E.Derefs;
      if (Src.WalkGen != Gen || Src.Derefs > D) {
        Src.WalkGen = Gen;
        Src.Derefs = D;
        Src.Dst = LId;
        Src.DstEdge = static_cast<int>(I);
        if (Src.QueuedOneGen != Gen) {
          Src.QueuedOneGen = Gen;
          Queue.push_back(E.Src);
        }
      }
    }
  }
}

void Solver::recordExplanation(LocId RootId, LocId LId) {
  Explain[LId] = pathToRoot(RootId, LId);
  Roots[LId] = RootId;
}

std::vector<Solver::Step> Solver::pathToRoot(LocId RootId, LocId LId) const {
  std::vector<Step> Path;
  // Follow the Dst links to the root; the guard stops at assignment cycles.
  LocId Cur = LId;
  for (size_t Guard = 0; Cur != RootId && Guard < G.numLocs(); ++Guard) {
    const Location &C = G.loc(Cur);
    if (C.Dst == NoLoc)
      break;
    const Location &D = G.loc(C.Dst);
    // Find the edge of D that comes from Cur.
    Path.push_back({C.Dst, C.DstEdge});
    (void)D;
    Cur = C.Dst;
  }
  return Path;
}

const std::vector<Solver::Step> &Solver::explanation(LocId Obj) const {
  return Explain[Obj];
}

LocId Solver::escapeRoot(LocId Obj) const { return Roots[Obj]; }

} // namespace cxxescape
