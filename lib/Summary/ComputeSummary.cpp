//===- ComputeSummary.cpp - A function's summary read off the graph -------===//
//
// Per parameter slot, a breadth-first walk over the edges out of the
// parameter finds the fewest dereferences by which its value reaches the
// function's result, a sink (a global, a thread, the heap) or the content of
// another slot: Go's leaks tag, with the C++ content sink of the spec's
// section 12.7. Levels are clamped to [MinLevel, MaxLevel], so the walk ends.
//
//===----------------------------------------------------------------------===//

#include "ComputeSummary.h"
#include "cxxescape/Interprocedural.h"
#include "FieldReads.h"
#include "cxxescape/BugMode.h"

#include <algorithm>
#include <deque>
#include <set>
#include <tuple>

namespace cxxescape {

namespace {

constexpr int MaxLevel = 4;
constexpr int MinLevel = -3;

/// The rule-relevant kind a note on an edge carries ("container", ...).
std::string edgeKind(const Edge &E) {
  for (const Note &N : E.Notes)
    if (N.Why == "container" || N.Why == "view" || N.Why == "thread")
      return N.Why;
  return "";
}

bool isSummarySink(const Location &L) {
  if (!L.has(AttrEscapes))
    return false;
  return L.Kind == LocKind::Sink || L.Kind == LocKind::Indirect;
}

LeakSink leakSinkOf(const Location &L) {
  switch (L.Sink) {
  case SinkKind::Global:
  case SinkKind::External:
    return LeakSink::Global;
  case SinkKind::Thread:
    return LeakSink::Thread;
  case SinkKind::Throw:
    return LeakSink::Throw;
  default:
    return LeakSink::Heap;
  }
}

/// The slot a parameter location occupies in its function's summary.
int slotOf(const Graph &G, FuncId F, LocId Param) {
  const Function &Fn = G.func(F);
  if (Param == Fn.This)
    return ThisSlot;
  for (size_t I = 0; I < Fn.Params.size(); ++I)
    if (Fn.Params[I] == Param)
      return static_cast<int>(I) + 1;
  return -1;
}

struct BfsState {
  LocId Loc;
  int Level;
  WalkState Walk;
  std::string Kind;
  ParamGuard When; // the first condition on a parameter along the path
  ParamFieldRead Fields; // which field of the parameter the flow reads
};

} // namespace

FunctionSummary computeSummary(const Graph &G, FuncId F,
                               const std::vector<std::vector<FlowStep>> &Out) {
  FunctionSummary S;
  const Function &Fn = G.func(F);
  std::vector<std::pair<int, LocId>> Slots;
  if (Fn.This != NoLoc)
    Slots.push_back({ThisSlot, Fn.This});
  for (size_t I = 0; I < Fn.Params.size(); ++I)
    Slots.push_back({static_cast<int>(I) + 1, Fn.Params[I]});

  for (auto [Slot, P] : Slots) {
    const Location &PL = G.loc(P);
    std::set<std::tuple<LocId, int, StoreId, bool, ParamGuard, ParamFieldRead,
                        uint32_t, uint32_t>>
        Seen;
    std::deque<BfsState> Work;
    WalkState Start;
    Start.Arrival = PL.EntryStore;
    Work.push_back({P, 0, Start, "", ParamGuard(), ParamFieldRead()});
    Seen.insert({P, 0, NoStore, false, ParamGuard(), ParamFieldRead(), 0, 0});
    while (!Work.empty()) {
      BfsState St = Work.front();
      Work.pop_front();
      const Location &From = G.loc(St.Loc);
      if (St.Loc >= Out.size())
        continue;
      for (const FlowStep &Step : Out[St.Loc]) {
        const Location &D = G.loc(Step.Dst);
        const Edge &E = D.In[Step.EdgeIndex];
        int Next = St.Level + E.Derefs;
        // Holding a heap object's address reaches what it holds, at the
        // level it holds it.
        bool AllocAddr = From.Kind == LocKind::Alloc && E.Derefs < 0;
        if (AllocAddr)
          Next = St.Level;
        if (Next < MinLevel)
          continue;
        ParamFieldRead Fields =
            St.Fields.step(G, AllocAddr, Step.Dst, E, St.Level, Next, MaxLevel);
        Next = std::min(Next, MaxLevel);
        WalkState To;
        if (!stepCarries(G, St.Walk, Step.Dst, E, To))
          continue;
        StoreId Last = To.Last;
        // A condition on one of F's own parameters (not a nested lambda's).
        ParamGuard When = St.When;
        if (When.none() && !E.When.none() && D.Fn == F)
          When = E.When;
        if (!Seen.insert({Step.Dst, Next, Last, To.Opaque, When, Fields,
                          To.ObjField, To.PointeeField})
                 .second)
          continue;
        std::string Kind = St.Kind.empty() ? edgeKind(E) : St.Kind;
        bool Held = Last == NoStore || G.store(Last).survives(NoLoc, NoFunc);
        uint32_t FR = Fields.FieldR, FP = Fields.FieldP;
        if (D.Kind == LocKind::Result && D.Fn == F) {
          if (Next >= 0 && Held)
            S.slot(Slot).add(
                {LeakSink::Result, Next, -1, Kind, "", When, FR, FP});
          continue;
        }
        if (isSummarySink(D)) {
          if (Next >= 0 && Held) {
            if (D.Kind == LocKind::Indirect && D.Via != NoLoc &&
                (D.Sink == SinkKind::OutParam || D.Sink == SinkKind::Member)) {
              int To = slotOf(G, F, D.Via);
              if (To >= 0)
                S.slot(Slot).add(
                    {LeakSink::Content, Next, To, Kind, D.Name, When, FR, FP});
              else
                S.slot(Slot).add(
                    {LeakSink::Heap, Next, -1, Kind, D.Name, When, FR, FP});
            } else {
              Leak L{leakSinkOf(D), Next, -1, Kind, D.Name, When, FR, FP};
              // The field or global written, for a later call that may
              // write it again (as for a store in the caller's body).
              L.WrittenField = E.FieldW ? E.FieldW : D.Global;
              S.slot(Slot).add(L);
            }
          }
          continue;
        }
        Work.push_back({Step.Dst, Next, To, Kind, When, Fields});
      }
    }
  }
  return S;
}

FunctionSummary computeSummary(const Graph &G, FuncId F) {
  std::vector<std::vector<FlowStep>> Out(G.numLocs());
  for (LocId D = 0; D < G.numLocs(); ++D)
    for (size_t I = 0; I < G.loc(D).In.size(); ++I)
      Out[G.loc(D).In[I].Src].push_back({D, static_cast<int>(I)});
  return computeSummary(G, F, Out);
}

} // namespace cxxescape
