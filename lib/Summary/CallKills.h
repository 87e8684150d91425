//===- CallKills.h - Calls that undo an earlier store ----------*- C++ -*-===//
#ifndef CXXESCAPE_SUMMARY_CALLKILLS_H
#define CXXESCAPE_SUMMARY_CALLKILLS_H

#include "cxxescape/Graph.h"

#include <algorithm>
#include <map>
#include <memory>
#include <vector>

namespace cxxescape {

class FieldWriters;

/// Ends St's hold on each object for which Ends holds at every place the
/// object dies (each CallsBefore entry naming it); NoLoc is the return.
template <class Pred> void endHold(Store &St, Pred Ends) {
  std::map<LocId, bool> Ended;
  for (const CallsBefore &K : St.KilledBy) {
    auto [It, New] = Ended.try_emplace(K.Obj, true);
    It->second = It->second && Ends(K);
  }
  for (const auto &[Obj, Gone] : Ended) {
    if (!Gone)
      continue;
    if (Obj == NoLoc) {
      St.OutlivesFunction = false;
      continue;
    }
    auto It = std::lower_bound(St.Survives.begin(), St.Survives.end(), Obj);
    if (It != St.Survives.end() && *It == Obj)
      St.Survives.erase(It);
  }
}

/// A store of an address into field f outlives an object only if no call
/// that assigns f (itself or through its callees) is made on every path
/// between the store and the object's end: such a call may have put another
/// value there (a pop, an unregister). One store at a time: the
/// interprocedural pass makes stores for what callees keep as it goes.
class CallKills {
public:
  CallKills(const Graph &G, const std::vector<std::vector<FuncId>> &Targets);
  ~CallKills();
  void apply(Store &St);

private:
  const std::vector<std::vector<FuncId>> &Targets;
  std::unique_ptr<FieldWriters> Writers;
};

} // namespace cxxescape

#endif
