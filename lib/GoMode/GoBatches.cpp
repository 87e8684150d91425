//===- GoBatches.cpp - Calls under Go's rules, callees first --------------===//
//
// What a call does with its arguments, in Go's terms (call.go, tagHole):
//   * a callee of the same batch: each argument flows straight into the
//     callee's parameter and the callee's result into the call's value;
//   * a callee solved earlier: its parameters' tags (leaks) become edges
//     from the argument to the heap or to the call's value, at the tag's
//     level;
//   * a library function with a model: the model's leaks, read the Go way
//     (a store into another argument's content is a heap store);
//   * an unknown callee (no body, a function pointer, a callable object) and
//     a virtual call (Go's interface method call): every argument, the
//     object included, leaks to the heap, unless [[clang::noescape]] says
//     otherwise; [[clang::lifetimebound]] is a flow to the result.
// Library functions without a model are assumed to keep nothing, as in bug
// mode: the C++ library has no bodies to read and Go has no such library.
//
//===----------------------------------------------------------------------===//

#include "cxxescape/Components.h"
#include "GoBatches.h"

#include "cxxescape/BugMode.h"

#include <algorithm>
#include <unordered_map>

namespace cxxescape::gomode {

namespace {

class Batches {
public:
  Batches(Graph &G, Solver &S, const ModelSet &Models)
      : G(G), S(S), Models(Models) {}
  void run();

private:
  void index();
  std::vector<std::vector<FuncId>> components() const;
  void applyCall(CallId C, const std::vector<char> &InBatch);
  void applySameBatch(const CallSite &CS, FuncId T);
  void applyTags(const CallSite &CS, FuncId T);
  void applyModel(const CallSite &CS, const ModelEntry &M);
  void applyUnknown(const CallSite &CS);
  void flowFromSlot(const CallSite &CS, size_t Slot, LocId Dst, int Derefs,
                    const char *Why);

  Graph &G;
  Solver &S;
  const ModelSet &Models;
  std::vector<FuncId> Top;                  // per function
  std::vector<FuncId> Target;               // per call: a body, or NoFunc
  std::vector<const ModelEntry *> Model;    // per call
  std::vector<std::vector<CallId>> CallsOf; // per top-level function
  std::vector<std::vector<LocId>> LocsOf;   // per top-level function
};

void Batches::index() {
  size_t N = G.numFuncs();
  Top.assign(N, NoFunc);
  for (FuncId F = 0; F < N; ++F) {
    FuncId T = F;
    while (G.func(T).Parent != NoFunc)
      T = G.func(T).Parent;
    Top[F] = T;
  }
  std::unordered_map<std::string, FuncId> ByUsr;
  for (FuncId F = 0; F < N; ++F)
    if (!G.func(F).Usr.empty())
      ByUsr.emplace(G.func(F).Usr, F);
  Target.assign(G.numCalls(), NoFunc);
  Model.assign(G.numCalls(), nullptr);
  CallsOf.assign(N, {});
  for (CallId C = 0; C < G.numCalls(); ++C) {
    const CallSite &CS = G.call(C);
    if (CS.Caller == NoFunc)
      continue;
    CallsOf[Top[CS.Caller]].push_back(C);
    if (!CS.ModelName.empty())
      Model[C] =
          Models.lookup(CS.ModelName, static_cast<int>(CS.Slots.size()) - 1);
    // Go resolves only static callees: a virtual call is an interface call.
    if (Model[C] || CS.Virtual || CS.Callee.empty())
      continue;
    auto It = ByUsr.find(CS.Callee);
    if (It != ByUsr.end())
      Target[C] = It->second;
  }
  LocsOf.assign(N, {});
  for (LocId L = 0; L < G.numLocs(); ++L)
    if (G.loc(L).Fn != NoFunc)
      LocsOf[Top[G.loc(L).Fn]].push_back(L);
}

/// Components of the call graph between top-level functions, callees
/// first.
std::vector<std::vector<FuncId>> Batches::components() const {
  size_t N = G.numFuncs();
  std::vector<std::vector<FuncId>> Succ(N);
  std::vector<uint8_t> IsTop(N, 0);
  for (FuncId F = 0; F < N; ++F) {
    IsTop[F] = Top[F] == F;
    for (CallId C : CallsOf[F])
      if (Target[C] != NoFunc && Top[Target[C]] != F)
        Succ[F].push_back(Top[Target[C]]);
  }
  return stronglyConnectedComponents(Succ, IsTop);
}

void Batches::flowFromSlot(const CallSite &CS, size_t Slot, LocId Dst,
                           int Derefs, const char *Why) {
  if (Slot >= CS.Slots.size() || CS.Slots[Slot] == NoLoc || Dst == NoLoc)
    return;
  std::vector<Note> Notes;
  if (Why)
    Notes.push_back(Note{CS.Where, Why, CS.Display});
  G.addEdge(Dst, CS.Slots[Slot], Derefs, 0, NoStore, std::move(Notes));
}

void Batches::applySameBatch(const CallSite &CS, FuncId T) {
  const Function &Fn = G.func(T);
  // A lambda's body sees its captures directly: its object carries nothing.
  if (!Fn.IsLambda)
    flowFromSlot(CS, 0, Fn.This, 0, nullptr);
  for (size_t I = 0; I < Fn.Params.size(); ++I)
    flowFromSlot(CS, I + 1, Fn.Params[I], 0, nullptr);
  if (CS.Result != NoLoc && Fn.Result != NoLoc)
    G.addEdge(CS.Result, Fn.Result, 0);
}

void Batches::applyTags(const CallSite &CS, FuncId T) {
  const Function &Fn = G.func(T);
  for (size_t Slot = 0; Slot < CS.Slots.size(); ++Slot) {
    LocId P = Slot == 0
                  ? (Fn.IsLambda ? NoLoc : Fn.This)
                  : (Slot - 1 < Fn.Params.size() ? Fn.Params[Slot - 1] : NoLoc);
    if (P == NoLoc)
      continue; // Go: an unnamed parameter never escapes
    const Leaks &Tag = G.loc(P).ParamLeaks;
    if (Tag.Heap >= 0)
      flowFromSlot(CS, Slot, G.heapLoc(), Tag.Heap, nullptr);
    if (Tag.Result[0] >= 0)
      flowFromSlot(CS, Slot, CS.Result, Tag.Result[0], nullptr);
  }
}

void Batches::applyModel(const CallSite &CS, const ModelEntry &M) {
  FunctionSummary Sum =
      ModelSet::summaryFor(M, static_cast<int>(CS.Slots.size()));
  for (size_t Slot = 0; Slot < Sum.Slots.size(); ++Slot)
    for (const Leak &L : Sum.Slots[Slot].Leaks) {
      if (L.Sink == LeakSink::Result)
        flowFromSlot(CS, Slot, CS.Result, L.Derefs, nullptr);
      else
        flowFromSlot(CS, Slot, G.heapLoc(), L.Derefs, nullptr);
    }
}

void Batches::applyUnknown(const CallSite &CS) {
  for (size_t Slot = 0; Slot < CS.Slots.size(); ++Slot) {
    if (Slot < CS.NoEscape.size() && CS.NoEscape[Slot])
      continue;
    const SlotSummary *Declared = CS.Declared.slotOrNull(Slot);
    if (Declared && Declared->find(LeakSink::Result)) {
      flowFromSlot(CS, Slot, CS.Result, 0, nullptr);
      continue;
    }
    flowFromSlot(CS, Slot, G.heapLoc(), 0, nullptr);
  }
}

void Batches::applyCall(CallId C, const std::vector<char> &InBatch) {
  const CallSite &CS = G.call(C);
  if (Model[C])
    return applyModel(CS, *Model[C]);
  if (FuncId T = Target[C]; T != NoFunc)
    return InBatch[Top[T]] ? applySameBatch(CS, T) : applyTags(CS, T);
  // The C++ library (and a special member the compiler writes, which has
  // no body to read) is not Go's unknown code.
  if (CS.LibraryCallee || (CS.Constructor && !CS.Virtual && !CS.Indirect))
    return;
  applyUnknown(CS);
}

void Batches::run() {
  index();
  std::vector<char> InBatch(G.numFuncs(), 0);
  std::vector<LocId> Sinks;
  for (LocId L = 0; L < G.numLocs(); ++L)
    if (G.loc(L).Fn == NoFunc)
      Sinks.push_back(L);
  for (const std::vector<FuncId> &Batch : components()) {
    for (FuncId F : Batch)
      InBatch[F] = 1;
    for (FuncId F : Batch)
      for (CallId C : CallsOf[F])
        applyCall(C, InBatch);
    // Go's walkAll for this batch: the heap first, then its locations.
    std::vector<LocId> Roots = Sinks;
    for (FuncId F : Batch)
      Roots.insert(Roots.end(), LocsOf[F].begin(), LocsOf[F].end());
    S.walkRoots(Roots);
    // Go's paramTag: the tag callers see is the optimized one.
    for (FuncId F : Batch)
      for (LocId L : LocsOf[F])
        if (G.loc(L).isParam())
          G.loc(L).ParamLeaks.optimize();
    for (FuncId F : Batch)
      InBatch[F] = 0;
  }
}

} // namespace

void solveBatches(Graph &G, Solver &S, const ModelSet &Models) {
  // Go: every sink is the heap, and so is a store through a pointer.
  prepareGoMode(G);
  Batches(G, S, Models).run();
}

} // namespace cxxescape::gomode
