//===- CallKills.cpp - Calls that undo an earlier store -------------------===//
//
// `list->tail = &node; ...; list->pop();` leaves no dangling pointer when
// pop() assigns `tail` again. Lowering records, per store into a field, the
// calls made on every path before each object it outlives dies, and per body
// the fields it assigns; here, with the program linked, a call whose callee
// (or anything the callee calls) assigns the same field ends the store's
// hold on those objects. Bug mode is optimistic about what calls do, and so
// is this: the callee may write the field of another object.
//
//===----------------------------------------------------------------------===//

#include "CallKills.h"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace cxxescape {

class FieldWriters {
public:
  FieldWriters(const Graph &G, const std::vector<std::vector<FuncId>> &Targets)
      : G(G), Callers(G.numFuncs()) {
    for (CallId C = 0; C < G.numCalls(); ++C) {
      FuncId Caller = G.call(C).Caller;
      if (Caller == NoFunc)
        continue;
      for (FuncId T : Targets[C])
        Callers[T].push_back(Caller);
    }
    for (FuncId F = 0; F < G.numFuncs(); ++F)
      for (uint32_t Field : G.func(F).WritesFields)
        Direct[Field].push_back(F);
  }

  /// Per function: does it assign Field, in its body or through calls?
  const std::vector<uint8_t> &of(uint32_t Field) {
    auto [It, New] = Memo.try_emplace(Field);
    if (!New)
      return It->second;
    std::vector<uint8_t> &Writes = It->second;
    Writes.assign(G.numFuncs(), 0);
    std::vector<FuncId> Work;
    auto D = Direct.find(Field);
    if (D != Direct.end())
      Work = D->second;
    for (FuncId F : Work)
      Writes[F] = 1;
    while (!Work.empty()) {
      FuncId F = Work.back();
      Work.pop_back();
      for (FuncId Caller : Callers[F])
        if (!Writes[Caller]) {
          Writes[Caller] = 1;
          Work.push_back(Caller);
        }
    }
    return Writes;
  }

private:
  const Graph &G;
  std::vector<std::vector<FuncId>> Callers;
  std::unordered_map<uint32_t, std::vector<FuncId>> Direct;
  std::unordered_map<uint32_t, std::vector<uint8_t>> Memo;
};

CallKills::CallKills(const Graph &G,
                     const std::vector<std::vector<FuncId>> &Targets)
    : Targets(Targets), Writers(std::make_unique<FieldWriters>(G, Targets)) {}

CallKills::~CallKills() = default;

void CallKills::apply(Store &St) {
  if (St.Conservative || !St.DstField || St.KilledBy.empty())
    return;
  const std::vector<uint8_t> &Writes = Writers->of(St.DstField);
  auto Undoes = [&](const CallsBefore &K) {
    if (std::binary_search(K.Writes.begin(), K.Writes.end(), St.DstField))
      return true;
    for (CallId C : K.Calls)
      for (FuncId T : Targets[C])
        if (Writes[T])
          return true;
    return false;
  };
  // An object is free of the store only if a writing call comes first at
  // every place it dies.
  endHold(St, Undoes);
}

} // namespace cxxescape
