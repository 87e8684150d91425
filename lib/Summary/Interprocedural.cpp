//===- Interprocedural.cpp - Summaries bottom-up over the call graph ------===//
//
// Functions are visited in reverse topological order of the call graph's
// strongly connected components, callees first. For each component:
//   1. every call its functions make is applied: the callee's summary (or a
//      model, or the declaration's attributes) becomes edges from the call's
//      argument slots to its result, to sinks, or into what another slot
//      points to (a store through that pointer, resolved like any other);
//   2. stores through pointers in the component are resolved;
//   3. each function's summary is read off the graph (computeSummary).
// A recursive component repeats this until its summaries stop changing;
// levels only decrease and are bounded, so it terminates.
//
//===----------------------------------------------------------------------===//

#include "cxxescape/Components.h"
#include "cxxescape/Interprocedural.h"
#include "CallKills.h"
#include "ComputeSummary.h"
#include "FieldReads.h"
#include "UnreadGlobals.h"
#include "Waits.h"
#include "cxxescape/BugMode.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <tuple>
#include <unordered_map>

namespace cxxescape {

namespace {

class CallSolver {
public:
  CallSolver(Graph &G, const ModelSet &Models, UnknownCalls Policy,
             ProgramStats &Stats, bool WholeProgram)
      : G(G), Models(Models), Policy(Policy), Stats(Stats),
        WholeProgram(WholeProgram) {}
  void run(bool ApplyCalls);

private:
  void indexCallees();
  std::vector<std::vector<FuncId>> components();
  void solveComponent(const std::vector<FuncId> &Fns);
  bool applyCall(CallId C);
  void addEdge(LocId Dst, LocId Src, int Derefs, std::vector<Note> Notes,
               uint8_t Flags = 0, StoreId St = NoStore);
  /// The edge the last addEdge added, or null.
  Edge *LastAdded = nullptr;
  LocId newSink(const CallSite &C, SinkKind K, const std::string &Name);
  LocId contentOf(CallId C, int Slot);
  std::string leakText(const CallSite &C, int Slot, const Leak &L) const;
  StoreId heldAfter(CallId C, const Leak &L);

  Graph &G;
  const ModelSet &Models;
  UnknownCalls Policy;
  ProgramStats &Stats;
  bool WholeProgram;
  StoreResolver Resolver;
  std::vector<std::vector<FlowStep>> Out;
  std::vector<std::vector<FuncId>> Targets; // per call
  std::vector<const ModelEntry *> Model;     // per call
  std::vector<std::vector<CallId>> CallsOf;  // per function
  std::vector<std::vector<LocId>> StoresOf;  // per function: Indirects
  std::set<std::tuple<CallId, int, int, int, int, uint32_t, uint32_t,
                      uint32_t>>
      Applied;
  std::unique_ptr<CallKills> Kills;
  std::unique_ptr<Waits> WaitCalls;
  /// Per call and leak target: the store standing for what the callee
  /// keeps (heldAfter).
  std::map<std::tuple<CallId, uint32_t, bool>, StoreId> HeldAfter;
  std::map<std::pair<CallId, int>, LocId> Contents;
  std::vector<uint8_t> Unknown; // per call: counted as unknown
  /// Per function: receivers of calls that take elements out.
  std::vector<std::set<std::string>> Removed;
  /// Globals and members some function takes elements out of.
  std::set<std::string> RemovedAnywhere;
};

void CallSolver::indexCallees() {
  std::unordered_map<std::string, FuncId> ByUsr;
  std::unordered_map<std::string, std::vector<FuncId>> Overriders;
  for (FuncId F = 0; F < G.numFuncs(); ++F) {
    const Function &Fn = G.func(F);
    if (Fn.Usr.empty())
      continue;
    ByUsr.emplace(Fn.Usr, F);
    for (const std::string &Base : Fn.Overrides)
      Overriders[Base].push_back(F);
  }
  Targets.assign(G.numCalls(), {});
  Model.assign(G.numCalls(), nullptr);
  CallsOf.assign(G.numFuncs(), {});
  for (CallId C = 0; C < G.numCalls(); ++C) {
    const CallSite &CS = G.call(C);
    if (CS.Caller != NoFunc)
      CallsOf[CS.Caller].push_back(C);
    if (CS.Callee.empty())
      continue;
    auto It = ByUsr.find(CS.Callee);
    if (It != ByUsr.end())
      Targets[C].push_back(It->second);
    if (CS.Virtual) {
      auto O = Overriders.find(CS.Callee);
      if (O != Overriders.end())
        for (FuncId F : O->second)
          if (std::find(Targets[C].begin(), Targets[C].end(), F) ==
              Targets[C].end())
            Targets[C].push_back(F);
    }
    // A model states what the user (or the library) knows: it wins over a
    // body the engine happens to see.
    if (!CS.ModelName.empty())
      Model[C] = Models.lookup(CS.ModelName,
                               static_cast<int>(CS.Slots.size()) - 1);
    if (Model[C])
      Targets[C].clear();
  }
  Removed.assign(G.numFuncs(), {});
  for (CallId C = 0; C < G.numCalls(); ++C)
    if (Model[C] && Model[C]->Removes && !G.call(C).ReceiverKey.empty() &&
        G.call(C).Caller != NoFunc) {
      const std::string &Key = G.call(C).ReceiverKey;
      if (Key.rfind("program:", 0) == 0)
        RemovedAnywhere.insert(Key);
      else
        Removed[G.call(C).Caller].insert(Key);
    }
  StoresOf.assign(G.numFuncs(), {});
  for (LocId L = 0; L < G.numLocs(); ++L)
    if (G.loc(L).Kind == LocKind::Indirect && G.loc(L).Fn != NoFunc)
      StoresOf[G.loc(L).Fn].push_back(L);
}

/// Components of the call graph, callees first.
std::vector<std::vector<FuncId>> CallSolver::components() {
  std::vector<std::vector<FuncId>> Succ(G.numFuncs());
  for (FuncId F = 0; F < G.numFuncs(); ++F)
    for (CallId C : CallsOf[F])
      for (FuncId T : Targets[C])
        Succ[F].push_back(T);
  return stronglyConnectedComponents(Succ);
}

void CallSolver::addEdge(LocId Dst, LocId Src, int Derefs,
                         std::vector<Note> Notes, uint8_t Flags,
                         StoreId St) {
  size_t Before = G.loc(Dst).In.size();
  LastAdded = nullptr;
  G.addEdge(Dst, Src, Derefs, Flags, St, std::move(Notes));
  if (G.loc(Dst).In.size() == Before)
    return;
  LastAdded = &G.loc(Dst).In.back();
  if (Out.size() < G.numLocs())
    Out.resize(G.numLocs());
  Out[Src].push_back({Dst, static_cast<int>(Before)});
}

LocId CallSolver::newSink(const CallSite &C, SinkKind K,
                          const std::string &Name) {
  LocId L = G.addSink(K, C.Caller, Name, C.Where);
  G.loc(L).Attrs |= AttrEscapes | AttrPersists;
  if (Out.size() < G.numLocs())
    Out.resize(G.numLocs());
  return L;
}

/// The store into what slot Slot of call C points to: one per call and slot,
/// resolved like `*p = v`.
LocId CallSolver::contentOf(CallId C, int Slot) {
  auto It = Contents.find({C, Slot});
  if (It != Contents.end())
    return It->second;
  const CallSite &CS = G.call(C);
  Location L;
  L.Kind = LocKind::Indirect;
  L.Name = Slot < static_cast<int>(CS.SlotTexts.size())
               ? CS.SlotTexts[Slot]
               : "*" + CS.SlotNames[Slot];
  L.Decl = CS.Where;
  L.Fn = CS.Caller;
  L.Scope = G.loc(CS.Slots[Slot]).Scope;
  L.PtrOf = CS.Slots[Slot];
  LocId Id = G.addLocation(std::move(L));
  if (Out.size() < G.numLocs())
    Out.resize(G.numLocs());
  Contents[{C, Slot}] = Id;
  StoresOf[CS.Caller].push_back(Id);
  return Id;
}

std::string CallSolver::leakText(const CallSite &C, int Slot,
                                 const Leak &L) const {
  std::string Who = Slot == ThisSlot
                        ? (C.Constructor ? std::string("the object built by ")
                                         : std::string("the object of "))
                        : "passed to parameter '" + C.SlotNames[Slot] +
                              "' of ";
  std::string It = L.Derefs == 0 ? "it" : "what it points to";
  std::string What;
  switch (L.Sink) {
  case LeakSink::Result:
    What = L.Derefs == 0 ? "returns it" : "returns what it points to";
    break;
  case LeakSink::Content:
    What = "stores " + It + " in " +
           (L.ContentSlot == ThisSlot
                ? (C.Constructor ? std::string("the new object")
                                 : std::string("the object it is called on"))
                : "what '" + C.SlotNames[L.ContentSlot] + "' points to");
    break;
  case LeakSink::Thread:
    What = "hands " + It + " to another thread";
    break;
  case LeakSink::Throw:
    What = "throws " + It;
    break;
  default:
    What = "stores " + It + " in " +
           (L.Where.empty() ? std::string("memory that outlives the call")
                            : L.Where);
  }
  return (Slot == ThisSlot ? Who + C.Display : Who + C.Display) + ", which " +
         What;
}

/// The store for what the callee of C keeps (L says where): the objects
/// that die after the call, less those before whose end the caller calls a
/// function writing the same field again or, for a thread, waits for it.
StoreId CallSolver::heldAfter(CallId C, const Leak &L) {
  StoreId After = G.call(C).After;
  if (After == NoStore || G.store(After).Conservative)
    return AlwaysHeld;
  bool Thread = L.Sink == LeakSink::Thread;
  auto [It, New] = HeldAfter.try_emplace({C, L.WrittenField, Thread}, NoStore);
  if (!New)
    return It->second;
  Store S = G.store(After);
  S.DstField = L.WrittenField;
  Kills->apply(S);
  if (Thread)
    WaitCalls->release(S);
  StoreId Id = G.addStore();
  G.store(Id) = std::move(S);
  It->second = Id;
  return Id;
}

/// Applies what is known about the callee at call C; returns true if any
/// edge was added.
bool CallSolver::applyCall(CallId C) {
  const CallSite &CS = G.call(C);
  FunctionSummary Sum = CS.Declared;
  bool Known = !Targets[C].empty() || Model[C];
  for (FuncId T : Targets[C]) {
    Sum.merge(G.func(T).Summary);
    Sum.merge(G.func(T).Declared);
  }
  if (Model[C])
    Sum.merge(ModelSet::summaryFor(*Model[C],
                                   static_cast<int>(CS.Slots.size())));
  // Go's rule for what nothing is known about: each argument a declaration
  // says nothing about escapes. Library calls are known through models only.
  if (!Known && !CS.LibraryCallee && Policy == UnknownCalls::Escape &&
      Unknown[C] != 2) {
    Unknown[C] = 2;
    LocId Sink = NoLoc;
    for (size_t S = 0; S < CS.Slots.size(); ++S) {
      bool Declared = S < Sum.Slots.size() && !Sum.Slots[S].Leaks.empty();
      bool NoEscape = S < CS.NoEscape.size() && CS.NoEscape[S];
      if (CS.Slots[S] == NoLoc || Declared || NoEscape)
        continue;
      if (Sink == NoLoc)
        Sink = newSink(CS, SinkKind::Call, CS.Display);
      addEdge(Sink, CS.Slots[S], 0,
              {Note{CS.Where, "call",
                    (S == ThisSlot ? std::string("the object of ")
                                   : "passed to parameter '" +
                                         CS.SlotNames[S] + "' of ") +
                        CS.Display + ", which is not analysed and may keep it"}},
              0, AlwaysHeld);
    }
  }

  bool Added = false;
  for (size_t S = 0; S < Sum.Slots.size() && S < CS.Slots.size(); ++S) {
    LocId From = CS.Slots[S];
    if (From == NoLoc)
      continue;
    for (const Leak &L : Sum.Slots[S].Leaks) {
      // A flow under a condition on a parameter this call fixes otherwise.
      if (!L.When.none() && L.When.Slot < static_cast<int>(CS.SlotKnown.size()) &&
          CS.SlotKnown[L.When.Slot] &&
          !L.When.holds(CS.SlotValues[L.When.Slot]))
        continue;
      auto Key =
          std::make_tuple(C, static_cast<int>(S), static_cast<int>(L.Sink),
                          L.ContentSlot, L.Derefs, L.FieldR, L.FieldP,
                          L.WrittenField);
      if (!Applied.insert(Key).second)
        continue;
      // Inserted here and taken out here (a hand-off queue): optimistic.
      if (L.Sink == LeakSink::Content && L.ContentSlot == ThisSlot &&
          L.Kind == "container" && !CS.ReceiverKey.empty() &&
          (Removed[CS.Caller].count(CS.ReceiverKey) ||
           RemovedAnywhere.count(CS.ReceiverKey)))
        continue;
      std::vector<Note> Notes{
          Note{CS.Where, "call", leakText(CS, static_cast<int>(S), L)}};
      if (!L.Kind.empty())
        Notes.push_back(Note{CS.Where, L.Kind, ""});
      LocId To = NoLoc;
      switch (L.Sink) {
      case LeakSink::Result:
        To = CS.Result;
        break;
      case LeakSink::Content:
        if (L.ContentSlot >= 0 &&
            L.ContentSlot < static_cast<int>(CS.PlainContent.size()) &&
            CS.PlainContent[L.ContentSlot])
          break; // a copy into memory that keeps no addresses
        if (L.ContentSlot >= 0 &&
            L.ContentSlot < static_cast<int>(CS.Slots.size()) &&
            CS.Slots[L.ContentSlot] != NoLoc)
          To = contentOf(C, L.ContentSlot);
        break;
      case LeakSink::Global:
        To = newSink(CS, SinkKind::Global,
                     L.Where.empty() ? std::string("global memory") : L.Where);
        break;
      case LeakSink::Thread:
        To = newSink(CS, SinkKind::Thread, "another thread");
        break;
      case LeakSink::Throw:
        To = newSink(CS, SinkKind::Throw, "the thrown exception");
        break;
      case LeakSink::Heap:
        To = newSink(CS, SinkKind::Heap,
                     L.Where.empty() ? std::string("long-lived memory")
                                     : L.Where);
        break;
      }
      if (To == NoLoc)
        continue;
      // What a callee stores stays there until a later call undoes it or,
      // for a thread, waits for it; a result is a value inside the
      // caller's expression.
      StoreId St = L.Sink == LeakSink::Result ? NoStore : heldAfter(C, L);
      // A write into a local the caller passed: judged like `v = value`.
      if (L.Sink == LeakSink::Content &&
          L.ContentSlot < static_cast<int>(CS.SlotStores.size()) &&
          CS.SlotStores[L.ContentSlot] != NoStore)
        St = CS.SlotStores[L.ContentSlot];
      addEdge(To, From, L.Derefs, std::move(Notes),
              L.Sink == LeakSink::Content ? EdgeCallContent : 0, St);
      Added = true;
      if (LastAdded)
        applyLeakFields(*LastAdded, L);
    }
  }
  return Added;
}

void CallSolver::solveComponent(const std::vector<FuncId> &Fns) {
  for (int Round = 0; Round < 12; ++Round) {
    for (FuncId F : Fns)
      for (CallId C : CallsOf[F])
        applyCall(C);
    for (FuncId F : Fns)
      for (const FlowStep &S : Resolver.resolve(G, StoresOf[F])) {
        if (Out.size() < G.numLocs())
          Out.resize(G.numLocs());
        Out[G.loc(S.Dst).In[S.EdgeIndex].Src].push_back(S);
      }
    bool Changed = false;
    for (FuncId F : Fns)
      Changed |= G.func(F).Summary.merge(computeSummary(G, F, Out));
    // Only a recursive component can feed its own summaries back.
    if (!Changed || Fns.size() == 1) {
      bool SelfCall = false;
      for (FuncId F : Fns)
        for (CallId C : CallsOf[F])
          for (FuncId T : Targets[C])
            SelfCall |= T == F;
      if (!Changed || !SelfCall)
        return;
    }
  }
}

void CallSolver::run(bool ApplyCalls) {
  // Before the summaries are read off: a store into a global nothing reads
  // must not become "leaks to a global" at the callers.
  dropStoresIntoUnreadGlobals(G, WholeProgram);
  markBugModeSinks(G);
  Out.assign(G.numLocs(), {});
  for (LocId D = 0; D < G.numLocs(); ++D)
    for (size_t I = 0; I < G.loc(D).In.size(); ++I)
      Out[G.loc(D).In[I].Src].push_back({D, static_cast<int>(I)});
  indexCallees();
  Kills = std::make_unique<CallKills>(G, Targets);
  for (StoreId S = 2; S < G.numStores(); ++S)
    Kills->apply(G.store(S));
  WaitCalls = std::make_unique<Waits>(G, Targets, Model);
  // A call nothing is known about, whether or not calls are applied.
  Unknown.assign(G.numCalls(), 0);
  for (CallId C = 0; C < G.numCalls(); ++C) {
    const CallSite &CS = G.call(C);
    bool Known = !Targets[C].empty() || Model[C] || !CS.Declared.empty();
    for (uint8_t N : CS.NoEscape)
      Known |= N != 0;
    Unknown[C] = !Known && !CS.LibraryCallee;
  }
  if (ApplyCalls)
    for (const std::vector<FuncId> &Comp : components())
      solveComponent(Comp);

  // Stores outside any function (none today) and late edges: one last pass
  // over every store through a pointer.
  std::vector<LocId> All;
  for (LocId I = 0; I < G.numLocs(); ++I)
    if (G.loc(I).Kind == LocKind::Indirect)
      All.push_back(I);
  Resolver.resolve(G, All);

  Stats.Functions = static_cast<unsigned>(G.numFuncs());
  Stats.Calls = static_cast<unsigned>(G.numCalls());
  std::set<std::string> Names;
  for (CallId C = 0; C < G.numCalls(); ++C) {
    if (!Targets[C].empty())
      ++Stats.CallsBySummary;
    else if (Model[C])
      ++Stats.CallsByModel;
    else if (Unknown[C]) {
      ++Stats.CallsUnknown;
      const CallSite &CS = G.call(C);
      Names.insert(CS.ModelName.empty() ? CS.Display : CS.ModelName);
    }
  }
  Stats.UnknownCallees.assign(Names.begin(), Names.end());
}

} // namespace

void solveCallsBugMode(Graph &G, const ModelSet &Models, UnknownCalls Policy,
                       ProgramStats &Stats, bool ApplyCalls,
                       bool WholeProgram) {
  CallSolver(G, Models, Policy, Stats, WholeProgram).run(ApplyCalls);
}

} // namespace cxxescape
