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
/// target at no more derefs, under no more conditions.
bool covers(const Leak &Old, const Leak &L) {
  // A store into an unknown field cannot be undone: it covers one into a
  // known field, not the other way round.
  return Old.sameTarget(L) && Old.Derefs <= L.Derefs &&
         (Old.When.none() || Old.When == L.When) &&
         (Old.WrittenField == 0 || Old.WrittenField == L.WrittenField);
}

} // namespace

bool SlotSummary::add(const Leak &L) {
  for (const Leak &Old : Leaks)
    if (covers(Old, L))
      return false;
  std::erase_if(Leaks, [&](const Leak &Old) { return covers(L, Old); });
  Leaks.push_back(L);
  return true;
}

const Leak *SlotSummary::find(LeakSink S, int ContentSlot) const {
  for (const Leak &L : Leaks)
    if (L.Sink == S && L.ContentSlot == ContentSlot && L.When.none())
      return &L;
  for (const Leak &L : Leaks)
    if (L.Sink == S && L.ContentSlot == ContentSlot)
      return &L;
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
  if (!L.When.none())
    S += " if #" + std::to_string(L.When.Slot) +
         (L.When.Equal ? " == " : " != ") + std::to_string(L.When.Value);
  return S;
}

} // namespace cxxescape
