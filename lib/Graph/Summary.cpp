//===- Summary.cpp - The leak encoding ------------------------------------===//

#include "cxxescape/Summary.h"

namespace cxxescape {

const char *leakSinkName(LeakSink S) {
  switch (S) {
  case LeakSink::Result:
    return "result";
  case LeakSink::Heap:
    return "heap";
  case LeakSink::Global:
    return "global";
  case LeakSink::Thread:
    return "thread";
  case LeakSink::Throw:
    return "throw";
  case LeakSink::Content:
    return "content";
  }
  return "?";
}

namespace {

/// Whether every flow L describes is already described by Old: the same
/// target at no more derefs, under no more conditions, from no less of the
/// object.
bool covers(const Leak &Old, const Leak &L) {
  // A store into an unknown field cannot be undone: it covers one into a
  // known field, not the other way round.
  return Old.sameTarget(L) && Old.Derefs <= L.Derefs &&
         (Old.When.none() || Old.When == L.When) &&
         (Old.WrittenField == 0 || Old.WrittenField == L.WrittenField) &&
         (Old.wholeObject() ||
          (Old.FieldR == L.FieldR && Old.FieldP == L.FieldP));
}

} // namespace

bool SlotSummary::add(const Leak &In) {
  Leak L = In;
  for (const Leak &Old : Leaks)
    if (covers(Old, L))
      return false;
  // Another field to the same target: the callee reads the object in
  // several places, so say "the whole object" (one edge at the callers).
  for (const Leak &Old : Leaks)
    if (Old.sameTarget(L) && Old.Derefs == L.Derefs && Old.When == L.When &&
        !L.wholeObject())
      L.FieldR = L.FieldP = 0;
  std::erase_if(Leaks, [&](const Leak &Old) { return covers(L, Old); });
  Leaks.push_back(L);
  return true;
}

const Leak *SlotSummary::find(LeakSink S, int ContentSlot) const {
  // Flows of single fields may sit beside each other: the fewest derefs.
  const Leak *Best = nullptr;
  for (bool Unconditional : {true, false}) {
    for (const Leak &L : Leaks)
      if (L.Sink == S && L.ContentSlot == ContentSlot &&
          (!Unconditional || L.When.none()) &&
          (!Best || L.Derefs < Best->Derefs))
        Best = &L;
    if (Best)
      return Best;
  }
  return nullptr;
}

bool FunctionSummary::merge(const FunctionSummary &O) {
  bool Changed = false;
  for (size_t I = 0; I < O.Slots.size(); ++I)
    for (const Leak &L : O.Slots[I].Leaks)
      Changed |= slot(static_cast<int>(I)).add(L);
  return Changed;
}

bool FunctionSummary::empty() const {
  for (const SlotSummary &S : Slots)
    if (!S.Leaks.empty())
      return false;
  return true;
}

std::string describeLeak(const Leak &L,
                         const std::vector<std::string> &SlotNames) {
  std::string Target = leakSinkName(L.Sink);
  if (L.Sink == LeakSink::Content) {
    std::string Whose =
        L.ContentSlot == ThisSlot ? std::string("this")
        : L.ContentSlot >= 0 &&
                L.ContentSlot < static_cast<int>(SlotNames.size()) &&
                !SlotNames[L.ContentSlot].empty()
            ? SlotNames[L.ContentSlot]
            : "#" + std::to_string(L.ContentSlot);
    Target = "content of " + Whose;
  }
  std::string S = Target + " level=" + std::to_string(L.Derefs);
  if (!L.Kind.empty())
    S += " (" + L.Kind + ")";
  if (L.FieldR)
    S += " field #" + std::to_string(L.FieldR);
  if (L.FieldP)
    S += " field ->#" + std::to_string(L.FieldP);
  if (!L.When.none())
    S += " if #" + std::to_string(L.When.Slot) +
         (L.When.Equal ? " == " : " != ") + std::to_string(L.When.Value);
  return S;
}

} // namespace cxxescape
