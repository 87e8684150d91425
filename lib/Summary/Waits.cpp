//===- Waits.cpp - Callers that wait for the thread they fed --------------===//
//
// leveldb's tests hand a local to a background thread, then loop on a
// condition variable until the thread says it is done: the local outlives
// the thread's use of it. A function waits until something happened if it
// calls a modelled wait of that kind (join, future::get, a wait with a
// predicate), loops around a wait step (sleep_for, a bare wait), or calls a
// function that does; it waits a step if it calls any wait. Both are
// propagated from callees to callers over the linked program. Bug mode is
// optimistic about calls, and so is this: a wait on some path of a callee
// counts.
//
//===----------------------------------------------------------------------===//

#include "Waits.h"
#include "CallKills.h"

#include <algorithm>

namespace cxxescape {

Waits::Waits(const Graph &G, const std::vector<std::vector<FuncId>> &Targets,
             const std::vector<const ModelEntry *> &Model)
    : Targets(Targets), Model(Model), ByFunction(G.numFuncs(), WaitKind::None) {
  std::vector<std::vector<FuncId>> Callers(G.numFuncs());
  std::vector<std::vector<CallId>> CallsOf(G.numFuncs());
  for (CallId C = 0; C < G.numCalls(); ++C) {
    FuncId Caller = G.call(C).Caller;
    if (Caller == NoFunc)
      continue;
    CallsOf[Caller].push_back(C);
    for (FuncId T : Targets[C])
      Callers[T].push_back(Caller);
  }
  // Raises F to K and its callers with it (a caller of a function that
  // waits until something happened waits the same way).
  std::vector<FuncId> Work;
  auto Raise = [&](FuncId F, WaitKind K) {
    if (ByFunction[F] >= K)
      return;
    ByFunction[F] = K;
    Work.push_back(F);
    while (!Work.empty()) {
      FuncId Callee = Work.back();
      Work.pop_back();
      for (FuncId Caller : Callers[Callee])
        if (ByFunction[Caller] < ByFunction[Callee]) {
          ByFunction[Caller] = ByFunction[Callee];
          Work.push_back(Caller);
        }
    }
  };
  for (FuncId F = 0; F < G.numFuncs(); ++F)
    for (CallId C : CallsOf[F])
      if (Model[C] && Model[C]->Waits != WaitKind::None)
        Raise(F, Model[C]->Waits);
  // A loop around a call that waits at all waits until its condition holds.
  // Raising only goes up, so one more pass after each change is enough to
  // see loops whose callee was raised late.
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (FuncId F = 0; F < G.numFuncs(); ++F) {
      if (ByFunction[F] == WaitKind::Until)
        continue;
      for (CallId C : G.func(F).LoopCalls)
        if (kindOf(C) != WaitKind::None) {
          Raise(F, WaitKind::Until);
          Changed = true;
          break;
        }
    }
  }
}

WaitKind Waits::kindOf(CallId C) const {
  WaitKind K = Model[C] ? Model[C]->Waits : WaitKind::None;
  for (FuncId T : Targets[C])
    K = std::max(K, ByFunction[T]);
  return K;
}

void Waits::release(Store &St) const {
  if (St.Conservative || St.KilledBy.empty())
    return;
  auto WaitsFirst = [&](const CallsBefore &K) {
    for (CallId C : K.Calls)
      if (kindOf(C) == WaitKind::Until)
        return true;
    for (CallId C : K.LoopCalls)
      if (kindOf(C) != WaitKind::None)
        return true;
    return false;
  };
  endHold(St, WaitsFirst);
}

} // namespace cxxescape
