//===- Fixes.cpp - Heapify fix-its, refusals and where locals live --------===//
//
// The lowering planned, per local, the rewrite that hands it to the GC
// runtime (or why the declaration cannot be rewritten). Whether that rewrite
// makes the program correct depends on where the address goes: the
// collector scans stacks, globals and its own objects, not malloc'd memory,
// containers' buffers, the exception object or another thread's unregistered
// stack (docs/gc-runtime.md, "What the collector sees"). A finding whose
// flow ends there gets the reason instead of the rewrite.
//
//===----------------------------------------------------------------------===//

#include "cxxescape/Fixes.h"

#include <algorithm>
#include <map>

namespace cxxescape {

namespace {

std::string quoted(const std::string &Name) { return "'" + Name + "'"; }

/// Why the flow of W takes the address where the collector cannot see it,
/// or why the object has nothing to rewrite; empty if the plan may apply.
std::string flowRefusal(const Graph &G, const Witness &W, const Finding &F) {
  const Location &X = G.loc(W.Object);
  std::string Name = quoted(X.Name);
  if (X.Kind == LocKind::Temporary)
    return "a temporary has no declaration to rewrite; bind it to a named "
           "variable, which can then be moved to the GC heap";
  if (X.Kind == LocKind::Closure)
    return "a lambda's closure type cannot be named in gc::make<T>; capture "
           "by value, or move the captured variables to the GC heap";
  if (F.Rule == "escape-container")
    return "the address is kept in a container's storage, which comes from "
           "malloc and is not scanned by the collector; store gc::root<T> "
           "elements (std::vector<gc::root<T>>) and allocate " +
           Name + " with gc::make";
  if (F.Rule == "escape-thread")
    return "another thread receives the address through memory the "
           "collector does not scan (std::thread's copies of its arguments, "
           "a thread's stack before it registers); join the thread before " +
           Name +
           " dies, or allocate it with gc::make and hand over a gc::root<T>";
  if (F.Rule == "escape-throw")
    return "the exception object lives in memory the C++ runtime allocates "
           "with malloc, which the collector does not scan; throw a copy "
           "instead of an address";
  if (F.Rule == "escape-view")
    return "the view points into storage " + Name +
           " owns (a malloc'd buffer), not at " + Name +
           ", so the collector would see no pointer to it and destroy it; "
           "return or keep the owner itself by value";
  if (F.Rule == "escape-unknown-call")
    return "the callee is not analysed and may keep the address where the "
           "collector does not look (malloc'd memory, a thread_local); check "
           "it, then allocate " +
           Name + " with gc::make by hand";
  // Memory from new or malloc anywhere on the way is not scanned either.
  auto IsAlloc = [&](LocId L) { return G.loc(L).Kind == LocKind::Alloc; };
  LocId Malloced = IsAlloc(W.Holder) ? W.Holder : NoLoc;
  for (const FlowStep &S : W.Steps)
    if (Malloced == NoLoc && IsAlloc(S.Dst))
      Malloced = S.Dst;
  if (Malloced != NoLoc)
    return "the address is stored in memory from '" + G.loc(Malloced).Name +
           "', which the collector does not scan; allocate that object with "
           "gc::make too, or hold the address in a gc::root<T>";
  return "";
}

std::string describe(const Location &X) {
  const HeapifyPlan &P = *X.Heapify;
  std::string Name = quoted(X.Name);
  switch (P.Form) {
  case HeapifyForm::Array:
    return "move the array " + Name + " to the GC heap (gc::make_array<" +
           P.Type + ">)";
  case HeapifyForm::Parameter:
    return "copy the parameter " + Name +
           " to the GC heap on entry (gc::make<" + P.Type + ">)";
  default:
    return "move " + Name + " to the GC heap (gc::make<" + P.Type + ">)";
  }
}

/// What holds the address, for a placement's "why".
std::string holderWords(const Graph &G, const Witness &W) {
  const Location &H = G.loc(W.Holder);
  switch (H.Kind) {
  case LocKind::Result:
    return "its address is returned";
  case LocKind::Sink:
    return H.Sink == SinkKind::Throw ? "its address is thrown"
                                     : "its address is stored in " + H.Name;
  case LocKind::Indirect:
    return "its address is stored in " + quoted(H.Name);
  case LocKind::Alloc:
    return "its address is stored in heap object " + quoted(H.Name);
  default:
    return "its address is kept in " + quoted(H.Name) + ", which outlives it";
  }
}

} // namespace

void attachHeapifyFix(const Graph &G, const Witness &W, Finding &F) {
  const Location &X = G.loc(W.Object);
  if (std::string Why = flowRefusal(G, W, F); !Why.empty()) {
    F.NoFixReason = std::move(Why);
    return;
  }
  const HeapifyPlan &P = *X.Heapify;
  if (P.empty()) {
    F.NoFixReason = "no rewrite is known for this declaration";
    return;
  }
  if (!P.Refusal.empty()) {
    F.NoFixReason = P.Refusal;
    return;
  }
  FixIt Fix;
  Fix.Description = describe(X);
  for (const TextEdit &E : P.Edits)
    Fix.Replacements.push_back({E.File, E.Offset, E.Length, E.Text});
  F.Fixes.push_back(std::move(Fix));
}

std::vector<LocalPlacement> placeLocals(const Graph &G,
                                        const std::vector<Witness> &Ws) {
  std::map<LocId, const Witness *> Escaping;
  for (const Witness &W : Ws)
    if (!W.Steps.empty())
      Escaping.emplace(W.Object, &W);
  // One entry per declaration: a template's instantiations share theirs.
  std::map<std::pair<SourceSpot, std::string>, LocalPlacement> ByDecl;
  for (LocId I = 0; I < G.numLocs(); ++I) {
    const Location &L = G.loc(I);
    // A reference is no object of its own, unless it names one the GC
    // runtime owns (a local the fix-it moved).
    if ((L.Kind != LocKind::Variable && L.Kind != LocKind::Param) ||
        (L.IsReference && !L.Heapify->OnGcHeap) || L.Name.empty() ||
        L.Name.rfind("__", 0) == 0 || !L.Decl.valid() || L.Fn == NoFunc)
      continue;
    SourceSpot Where{G.fileName(L.Decl.File), L.Decl.Line, L.Decl.Col};
    LocalPlacement &P = ByDecl[{Where, L.Name}];
    if (P.Name.empty()) {
      P.Where = Where;
      P.Name = L.Name;
      P.Function = G.func(L.Fn).IsLambda ? "lambda" : G.func(L.Fn).Name;
      P.Why = "its address does not outlive it";
    }
    if (L.Heapify->OnGcHeap) {
      P.Heap = true;
      P.Why = "allocated by gc::make: the GC runtime owns it";
      if (L.Heapify->SiteLine)
        P.Site = {Where.File, L.Heapify->SiteLine, L.Heapify->SiteCol};
    }
    auto It = Escaping.find(I);
    if (It != Escaping.end() && !P.Heap) {
      P.Heap = true;
      P.Why = holderWords(G, *It->second);
    }
  }
  std::vector<LocalPlacement> Out;
  for (auto &[Key, P] : ByDecl)
    Out.push_back(std::move(P));
  return Out;
}

} // namespace cxxescape
