//===- Graph.cpp - The escape graph IR ------------------------------------===//

#include "cxxescape/Graph.h"

#include <algorithm>

namespace cxxescape {

void Leaks::optimize() {
  if (Heap < 0)
    return;
  for (int &R : Result)
    if (R >= Heap)
      R = -1;
}

bool Leaks::empty() const {
  if (Heap >= 0)
    return false;
  for (int R : Result)
    if (R >= 0)
      return false;
  return true;
}

bool Store::reaches(uint32_t Read) const {
  if (!TracksReads)
    return true;
  return std::binary_search(Reads.begin(), Reads.end(), Read);
}

bool Store::survives(LocId Obj, FuncId ObjFn) const {
  if (Conservative)
    return true;
  if (ObjFn != Fn)
    return OutlivesFunction;
  return std::binary_search(Survives.begin(), Survives.end(), Obj);
}

Graph::Graph() {
  internFile("<unknown>");
  // Store 0 is "no store", store 1 is "always held".
  Stores.emplace_back();
  Stores.emplace_back();
  HeapLoc = addSink(SinkKind::Heap, NoFunc, "{heap}");
}

uint32_t Graph::internField(const std::string &Key) {
  auto [It, New] =
      FieldIndex.try_emplace(Key, static_cast<uint32_t>(FieldKeys.size() + 1));
  if (New)
    FieldKeys.push_back(Key);
  return It->second;
}

FileId Graph::internFile(const std::string &Path) {
  auto [It, New] = FileIndex.try_emplace(Path, Files.size());
  if (New)
    Files.push_back(Path);
  return It->second;
}

FuncId Graph::addFunction(Function F) {
  Funcs.push_back(std::move(F));
  return static_cast<FuncId>(Funcs.size() - 1);
}

ScopeId Graph::addScope(ScopeId Parent, FuncId Fn, bool FullExpr,
                        bool Loop) {
  Scope S;
  S.Parent = Parent;
  S.Fn = Fn;
  S.Depth = Parent == NoScope ? 1 : Scopes[Parent].Depth + 1;
  S.LoopDepth = Parent == NoScope ? 1 : Scopes[Parent].LoopDepth;
  // A lambda body starts its own loop nest, as a Go closure does.
  if (Parent != NoScope && Scopes[Parent].Fn != Fn)
    S.LoopDepth = 1;
  if (Loop)
    ++S.LoopDepth;
  S.FullExpr = FullExpr;
  Scopes.push_back(S);
  return static_cast<ScopeId>(Scopes.size() - 1);
}

LocId Graph::addLocation(Location L) {
  Locs.push_back(std::move(L));
  return static_cast<LocId>(Locs.size() - 1);
}

LocId Graph::addSink(SinkKind K, FuncId Fn, std::string Name, Pos Where) {
  Location L;
  L.Kind = LocKind::Sink;
  L.Sink = K;
  L.Fn = Fn;
  L.Name = std::move(Name);
  L.Decl = Where;
  return addLocation(std::move(L));
}

void Graph::addEdge(LocId Dst, LocId Src, int Derefs, uint8_t Flags, StoreId St,
                    std::vector<Note> Notes, uint32_t Read, uint32_t FieldW,
                    uint32_t FieldR, uint32_t FieldP) {
  if (Dst == NoLoc || Src == NoLoc)
    return;
  // x = x and x = *x say nothing about lifetimes.
  if (Dst == Src && Derefs >= 0)
    return;
  Edge E;
  E.Src = Src;
  E.Derefs = Derefs;
  E.Flags = Flags;
  E.Store = St;
  E.Notes = std::move(Notes);
  E.Read = Read;
  E.FieldW = FieldW;
  E.FieldR = FieldR;
  E.FieldP = FieldP;
  Locs[Dst].In.push_back(std::move(E));
}

bool Graph::containsClosure(FuncId Outer, FuncId Inner) const {
  if (Outer == NoFunc || Inner == NoFunc || Outer == Inner)
    return false;
  for (FuncId F = Funcs[Inner].Parent; F != NoFunc; F = Funcs[F].Parent)
    if (F == Outer)
      return true;
  return false;
}

bool Graph::scopeEncloses(ScopeId A, ScopeId B) const {
  if (A == NoScope || B == NoScope || A == B)
    return false;
  for (ScopeId S = Scopes[B].Parent; S != NoScope; S = Scopes[S].Parent)
    if (S == A)
      return true;
  return false;
}

const char *sinkKindName(SinkKind K) {
  switch (K) {
  case SinkKind::None:
    return "none";
  case SinkKind::Heap:
    return "heap";
  case SinkKind::Global:
    return "global";
  case SinkKind::Throw:
    return "throw";
  case SinkKind::Call:
    return "call";
  case SinkKind::External:
    return "external";
  case SinkKind::Thread:
    return "thread";
  case SinkKind::OutParam:
    return "outparam";
  case SinkKind::Member:
    return "member";
  }
  return "?";
}

} // namespace cxxescape
