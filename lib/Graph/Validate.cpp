//===- Validate.cpp - Checking a graph read from a file ------------------===//
//
// The solver trusts its graph: ids index tables directly and parent chains
// are walked to their end. A graph read from a file is checked first, so
// that a damaged file (past the checksum) is an error, never a crash.
//
//===----------------------------------------------------------------------===//

#include "GraphAccess.h"

#include <cstdint>
#include <vector>

namespace cxxescape {

namespace {

/// Parent(I) is an index below N or a sentinel at or above it. True if no
/// chain of parents loops; each node is visited once.
template <class ParentFn> bool acyclic(size_t N, ParentFn Parent) {
  enum : uint8_t { Unseen, OnPath, Done };
  std::vector<uint8_t> State(N, Unseen);
  std::vector<size_t> Path;
  for (size_t Start = 0; Start < N; ++Start) {
    size_t I = Start;
    while (I < N && State[I] == Unseen) {
      State[I] = OnPath;
      Path.push_back(I);
      I = Parent(I);
    }
    if (I < N && State[I] == OnPath)
      return false;
    for (size_t J : Path)
      State[J] = Done;
    Path.clear();
  }
  return true;
}

} // namespace

void GraphAccess::rebuildIndex(Graph &G) {
  G.FileIndex.clear();
  for (FileId I = 0; I < G.Files.size(); ++I)
    G.FileIndex.emplace(G.Files[I], I);
  G.FieldIndex.clear();
  for (uint32_t I = 0; I < G.FieldKeys.size(); ++I)
    G.FieldIndex.emplace(G.FieldKeys[I], I + 1);
}

std::string GraphAccess::validate(const Graph &G) {
  size_t NF = G.Funcs.size(), NL = G.Locs.size(), NS = G.Scopes.size(),
         NSt = G.Stores.size(), NFiles = G.Files.size();
  std::string Err;
  auto Bad = [&](const std::string &What, uint64_t Id) {
    if (Err.empty())
      Err = What + " " + std::to_string(Id) + " is out of range";
    return false;
  };
  auto Fn = [&](FuncId F) {
    return F == NoFunc || F < NF || Bad("function", F);
  };
  auto Loc = [&](LocId L) {
    return L == NoLoc || L < NL || Bad("location", L);
  };
  auto Sc = [&](ScopeId S) {
    return S == NoScope || S < NS || Bad("scope", S);
  };
  auto St = [&](StoreId S) { return S < NSt || Bad("store", S); };
  auto Rd = [&](uint32_t R) { return R < G.NextRead || Bad("read", R); };
  auto P = [&](const Pos &X) { return X.File < NFiles || Bad("file", X.File); };
  auto Fd = [&](uint32_t F) {
    return F <= G.FieldKeys.size() || Bad("field", F);
  };

  if (NFiles == 0 || NSt < 2 || G.HeapLoc >= NL || G.NextRead == 0 ||
      G.ReadFns.size() != G.NextRead)
    return "the fixed entries (file 0, stores 0 and 1, heap, reads) are "
           "missing";
  for (const Location &L : G.Locs) {
    Fn(L.Fn), Sc(L.Scope), Loc(L.PtrOf), Loc(L.Via), St(L.EntryStore),
        P(L.Decl), Fd(L.Global);
    for (const Edge &E : L.In) {
      if (E.Src == NoLoc)
        Bad("location", E.Src);
      Loc(E.Src), St(E.Store), Rd(E.Read), Fd(E.FieldW), Fd(E.FieldR),
          Fd(E.FieldP);
      for (const Note &N : E.Notes)
        P(N.Where);
    }
  }
  for (const Scope &S : G.Scopes)
    Fn(S.Fn), Sc(S.Parent);
  for (const Function &F : G.Funcs) {
    Fn(F.Parent), Sc(F.BodyScope), Loc(F.Result), Loc(F.This), P(F.Where);
    for (LocId L : F.Params)
      Loc(L);
    for (const AttrSpot &A : F.LifetimeBoundSpots)
      if (A.File >= NFiles)
        Bad("file", A.File);
    for (uint32_t W : F.WritesFields)
      Fd(W);
    for (uint32_t R : F.ReadsGlobals)
      Fd(R);
    for (const FunctionSummary *S : {&F.Declared, &F.Summary})
      for (const SlotSummary &Slot : S->Slots)
        for (const Leak &L : Slot.Leaks)
          Fd(L.FieldR), Fd(L.FieldP);
  }
  if (!Err.empty())
    return Err;
  // The heap-allocation rules read an allocation's facts only at its site.
  for (const Location &L : G.Locs)
    if (L.Alloc->Form != AllocForm::None && L.Kind != LocKind::Alloc)
      return "allocation facts on a location that is not an allocation site";
  // The solver walks parent chains to their end: they must have one.
  if (!acyclic(NS, [&](size_t I) { return G.Scopes[I].Parent; }))
    return "the parent scopes form a cycle";
  if (!acyclic(NF, [&](size_t I) { return G.Funcs[I].Parent; }))
    return "the parent functions form a cycle";
  for (const Store &S : G.Stores) {
    Fn(S.Fn);
    for (LocId L : S.Survives)
      Loc(L);
    for (uint32_t R : S.Reads)
      Rd(R);
    Fd(S.DstField);
    for (const CallsBefore &K : S.KilledBy) {
      Loc(K.Obj);
      for (CallId C : K.Calls)
        if (C >= G.Calls.size())
          Bad("call", C);
    }
  }
  for (const CallSite &C : G.Calls) {
    Fn(C.Caller), Loc(C.Result), P(C.Where);
    for (LocId L : C.Slots)
      Loc(L);
    for (const SlotSummary &Slot : C.Declared.Slots)
      for (const Leak &L : Slot.Leaks)
        Fd(L.FieldR), Fd(L.FieldP);
  }
  for (FuncId F : G.ReadFns)
    Fn(F);
  return Err;
}

} // namespace cxxescape
