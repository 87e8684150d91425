//===- Link.cpp - Joining the graphs of several translation units ---------===//
//
// Every translation unit is lowered on its own; linking appends their graphs
// into one program graph. Ids are shifted, file names re-interned, and a
// function whose body another unit already brought (an inline function or a
// template instantiated in several units) is dropped with everything that
// belongs to it, so each definition is analysed and reported once.
//
//===----------------------------------------------------------------------===//

#include "cxxescape/Graph.h"

#include <algorithm>

namespace cxxescape {

namespace {

struct Remap {
  std::vector<FileId> Files;
  std::vector<FuncId> Funcs;
  std::vector<LocId> Locs;
  ScopeId ScopeOffset = 0;
  StoreId StoreOffset = 0;
  uint32_t ReadOffset = 0;
  std::vector<uint32_t> Fields; // the other graph's field id -> this one's

  Pos pos(Pos P) const {
    P.File = Files[P.File];
    return P;
  }
  FuncId fn(FuncId F) const { return F == NoFunc ? NoFunc : Funcs[F]; }
  LocId loc(LocId L) const { return L == NoLoc ? NoLoc : Locs[L]; }
  ScopeId scope(ScopeId S) const {
    return S == NoScope ? NoScope : S + ScopeOffset;
  }
  StoreId store(StoreId S) const {
    return S <= AlwaysHeld ? S : S + StoreOffset;
  }
  uint32_t read(uint32_t R) const { return R == 0 ? 0 : R + ReadOffset; }
  /// A summary's leaks may name fields (Leak::FieldR, FieldP,
  /// WrittenField).
  void summary(FunctionSummary &S) const {
    for (SlotSummary &Slot : S.Slots)
      for (Leak &L : Slot.Leaks) {
        L.FieldR = Fields[L.FieldR];
        L.FieldP = Fields[L.FieldP];
        L.WrittenField = Fields[L.WrittenField];
      }
  }
  /// Appends E, renumbered, to In unless its source was dropped; with
  /// Steal, E's notes are moved, not copied.
  void edge(Edge &E, std::vector<Edge> &In, bool Steal) const {
    if (loc(E.Src) == NoLoc)
      return;
    Edge N = Steal ? Edge(std::move(E)) : Edge(E);
    N.Src = loc(N.Src);
    N.Store = store(N.Store);
    N.Read = read(N.Read);
    N.FieldW = Fields[N.FieldW];
    N.FieldR = Fields[N.FieldR];
    N.FieldP = Fields[N.FieldP];
    for (Note &T : N.Notes)
      T.Where = pos(T.Where);
    In.push_back(std::move(N));
  }
};

/// A copy of X, or X itself moved out when the other graph is given away.
template <class T> T take(T &X, bool Steal) {
  return Steal ? T(std::move(X)) : T(X);
}

} // namespace

void Graph::link(const Graph &Other) {
  linkFrom(const_cast<Graph &>(Other), /*Steal=*/false);
}

void Graph::link(Graph &&Other) {
  linkFrom(Other, /*Steal=*/true);
  Other = Graph();
}

void Graph::linkFrom(Graph &Other, bool Steal) {
  // Linking U units must not cost U times the functions seen so far.
  if (BodiesUpTo > Funcs.size()) { // the tables were replaced wholesale
    Bodies.clear();
    BodiesUpTo = 0;
  }
  for (; BodiesUpTo < Funcs.size(); ++BodiesUpTo)
    if (!Funcs[BodiesUpTo].Usr.empty())
      Bodies.insert(Funcs[BodiesUpTo].Usr);

  Remap M;
  for (const std::string &F : Other.Files)
    M.Files.push_back(internFile(F));
  M.Fields.push_back(0);
  for (const std::string &K : Other.FieldKeys)
    M.Fields.push_back(internField(K));

  // Functions: a body seen before wins; lambdas go with their parent.
  M.Funcs.assign(Other.Funcs.size(), NoFunc);
  std::vector<FuncId> KeptFuncs;
  for (FuncId I = 0; I < Other.Funcs.size(); ++I) {
    const Function &F = Other.Funcs[I];
    bool Drop = (!F.Usr.empty() && Bodies.count(F.Usr)) ||
                (F.Parent != NoFunc && M.Funcs[F.Parent] == NoFunc);
    if (Drop)
      continue;
    M.Funcs[I] = static_cast<FuncId>(Funcs.size() + KeptFuncs.size());
    KeptFuncs.push_back(I);
  }

  // Locations: the other heap is this heap; a dropped function's are gone.
  M.Locs.assign(Other.Locs.size(), NoLoc);
  std::vector<LocId> KeptLocs;
  for (LocId I = 0; I < Other.Locs.size(); ++I) {
    const Location &L = Other.Locs[I];
    if (I == Other.HeapLoc) {
      M.Locs[I] = HeapLoc;
      continue;
    }
    if (L.Fn != NoFunc && M.Funcs[L.Fn] == NoFunc)
      continue;
    M.Locs[I] = static_cast<LocId>(Locs.size() + KeptLocs.size());
    KeptLocs.push_back(I);
  }

  M.ScopeOffset = static_cast<ScopeId>(Scopes.size());
  M.StoreOffset = static_cast<StoreId>(Stores.size() - 2);
  M.ReadOffset = NextRead - 1;

  for (const Scope &S : Other.Scopes) {
    Scope N = S;
    N.Parent = M.scope(S.Parent);
    N.Fn = M.fn(S.Fn);
    Scopes.push_back(N);
  }

  // Calls of dropped functions go with them; the others are appended in order.
  std::vector<CallId> CallMap(Other.Calls.size(), ~0u);
  CallId NextCall = static_cast<CallId>(Calls.size());
  for (CallId C = 0; C < Other.Calls.size(); ++C)
    if (M.fn(Other.Calls[C].Caller) != NoFunc)
      CallMap[C] = NextCall++;

  for (StoreId I = 2; I < Other.Stores.size(); ++I) {
    Store S = take(Other.Stores[I], Steal);
    S.DstField = M.Fields[S.DstField];
    std::vector<CallsBefore> KilledBy;
    for (const CallsBefore &K : S.KilledBy) {
      if (K.Obj != NoLoc && M.loc(K.Obj) == NoLoc)
        continue;
      CallsBefore N{M.loc(K.Obj), {}};
      for (CallId C : K.Calls)
        if (CallMap[C] != ~0u)
          N.Calls.push_back(CallMap[C]); // order kept: ids only shift
      for (CallId C : K.LoopCalls)
        if (CallMap[C] != ~0u)
          N.LoopCalls.push_back(CallMap[C]);
      for (uint32_t W : K.Writes)
        N.Writes.push_back(M.Fields[W]);
      std::sort(N.Writes.begin(), N.Writes.end());
      KilledBy.push_back(std::move(N));
    }
    S.KilledBy = std::move(KilledBy);
    S.Fn = M.fn(S.Fn);
    std::vector<LocId> Survives;
    for (LocId L : S.Survives)
      if (M.loc(L) != NoLoc)
        Survives.push_back(M.loc(L));
    S.Survives = std::move(Survives); // order kept: ids only shift
    for (uint32_t &R : S.Reads)
      R = M.read(R);
    Stores.push_back(std::move(S));
  }

  for (uint32_t R = 1; R < Other.NextRead; ++R)
    ReadFns.push_back(M.fn(Other.ReadFns[R]));
  NextRead += Other.NextRead - 1;

  for (FuncId I : KeptFuncs) {
    Function F = take(Other.Funcs[I], Steal);
    F.Parent = M.fn(F.Parent);
    F.BodyScope = M.scope(F.BodyScope);
    F.Result = M.loc(F.Result);
    F.This = M.loc(F.This);
    for (LocId &P : F.Params)
      P = M.loc(P);
    F.Where = M.pos(F.Where);
    for (AttrSpot &A : F.LifetimeBoundSpots)
      A.File = M.Files[A.File];
    for (uint32_t &W : F.WritesFields)
      W = M.Fields[W];
    std::sort(F.WritesFields.begin(), F.WritesFields.end());
    for (uint32_t &R : F.ReadsGlobals)
      R = M.Fields[R];
    M.summary(F.Declared);
    M.summary(F.Summary);
    std::sort(F.ReadsGlobals.begin(), F.ReadsGlobals.end());
    std::vector<CallId> LoopCalls;
    for (CallId C : F.LoopCalls)
      if (CallMap[C] != ~0u)
        LoopCalls.push_back(CallMap[C]); // order kept: ids only shift
    F.LoopCalls = std::move(LoopCalls);
    Funcs.push_back(std::move(F));
  }

  for (LocId I : KeptLocs) {
    Location L = take(Other.Locs[I], Steal);
    L.Decl = M.pos(L.Decl);
    L.Fn = M.fn(L.Fn);
    L.Scope = M.scope(L.Scope);
    L.PtrOf = M.loc(L.PtrOf);
    L.Via = M.loc(L.Via);
    L.EntryStore = M.store(L.EntryStore);
    L.Global = M.Fields[L.Global];
    std::vector<Edge> In;
    In.reserve(L.In.size());
    for (Edge &E : L.In)
      M.edge(E, In, Steal);
    L.In = std::move(In);
    Locs.push_back(std::move(L));
  }
  // Edges into this heap from the other graph.
  for (Edge &E : Other.Locs[Other.HeapLoc].In)
    M.edge(E, Locs[HeapLoc].In, Steal);

  for (CallSite &C : Other.Calls) {
    if (M.fn(C.Caller) == NoFunc)
      continue;
    CallSite N = take(C, Steal);
    N.Caller = M.fn(N.Caller);
    N.Where = M.pos(N.Where);
    for (LocId &S : N.Slots)
      S = M.loc(S);
    for (StoreId &S : N.SlotStores)
      S = M.store(S);
    N.After = M.store(N.After);
    N.Result = M.loc(N.Result);
    M.summary(N.Declared);
    Calls.push_back(std::move(N));
  }
  if (MainFile.empty())
    MainFile = Other.MainFile;
}

} // namespace cxxescape
