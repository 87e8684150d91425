//===- Summary.h - Per-parameter leak summaries -----------------*- C++ -*-===//
//
// Go tags every parameter with the minimum number of dereferences by which
// its value reaches each sink ("leaking param: p to result ~r0 level=0").
// C++ adds one sink Go does not need: the content of another parameter
// (`this->p = arg` in a constructor, `out->push_back(arg)`). Computed
// summaries, library models and attributes all use this one encoding.
//
//===----------------------------------------------------------------------===//
#ifndef CXXESCAPE_SUMMARY_H
#define CXXESCAPE_SUMMARY_H

#include <cstdint>
#include <string>
#include <vector>

namespace cxxescape {

/// Where a parameter's value goes.
enum class LeakSink : uint8_t {
  Result,  // the function's return value
  Heap,    // memory that lives forever (Go's {heap})
  Global,  // a global, static or thread_local
  Thread,  // handed to another thread
  Throw,   // the thrown exception
  Content, // what another parameter (or *this) points to
};

const char *leakSinkName(LeakSink S);

/// Slots number the implicit object parameter 0 and the declared parameters
/// from 1, so `this` and "parameter i" share one index space.
constexpr int ThisSlot = 0;

/// One flow: `*...*param` (Derefs stars; 0 is the value itself) reaches Sink.
/// A condition on one of a function's own parameters under which a flow
/// happens: `if (copy)`, `if (!interned)`, `if (mode == 2)`. A caller passing
/// a constant that fails it does not get the flow. Slot -1: unconditional.
struct ParamGuard {
  int Slot = -1;
  int64_t Value = 0;
  bool Equal = false; // holds when the parameter == Value (else when !=)

  bool none() const { return Slot < 0; }
  bool holds(int64_t V) const { return Equal ? V == Value : V != Value; }
  ParamGuard negated() const {
    ParamGuard G = *this;
    G.Equal = !G.Equal;
    return G;
  }
  friend bool operator==(const ParamGuard &A, const ParamGuard &B) {
    return A.Slot == B.Slot && A.Value == B.Value && A.Equal == B.Equal;
  }
  friend bool operator<(const ParamGuard &A, const ParamGuard &B) {
    if (A.Slot != B.Slot)
      return A.Slot < B.Slot;
    if (A.Value != B.Value)
      return A.Value < B.Value;
    return A.Equal < B.Equal;
  }
};

struct Leak {
  LeakSink Sink = LeakSink::Heap;
  int Derefs = 0;
  int ContentSlot = -1; // for Content: whose content
  /// What kind of flow it is, for the rule: "" (plain), "container",
  /// "view", "thread".
  std::string Kind;
  /// Human words for where it ends ("global 'g'"), for the notes.
  std::string Where;
  /// The flow happens only when this holds.
  ParamGuard When;
  /// Only one first-level field of the parameter flows (ids as in
  /// Edge::FieldR, global after linking): FieldR of its value (a class
  /// passed by value), FieldP of what it points to (a pointer, a reference,
  /// this). At most one is set; neither: the whole object.
  uint32_t FieldR = 0;
  uint32_t FieldP = 0;
  /// For a store into one global or field (Graph's field ids): the one it
  /// writes, so a later call writing it again may undo the store; 0 when
  /// not known.
  uint32_t WrittenField = 0;

  bool sameTarget(const Leak &O) const {
    return Sink == O.Sink && ContentSlot == O.ContentSlot;
  }
  bool wholeObject() const { return FieldR == 0 && FieldP == 0; }
};

struct SlotSummary {
  std::vector<Leak> Leaks;
  /// Adds L unless a flow to the same target with fewer derefs (from the
  /// whole object or the same field) is known; flows from two fields to one
  /// target at one level become one from the whole object. Returns true if
  /// the summary changed.
  bool add(const Leak &L);
  /// The flow to the target with the fewest derefs, an unconditional one
  /// if there is one.
  const Leak *find(LeakSink S, int ContentSlot = -1) const;
};

struct FunctionSummary {
  std::vector<SlotSummary> Slots; // index = slot
  SlotSummary &slot(int I) {
    if (I >= static_cast<int>(Slots.size()))
      Slots.resize(I + 1);
    return Slots[I];
  }
  const SlotSummary *slotOrNull(int I) const {
    return I >= 0 && I < static_cast<int>(Slots.size()) ? &Slots[I] : nullptr;
  }
  bool merge(const FunctionSummary &O);
  bool empty() const;
};

/// Go-style text of one leak, for -m output and tests:
/// "result level=0", "content of this level=1", "heap level=0"; a flow of
/// one field adds "field #N" (of the value) or "field ->#N" (of what it
/// points to).
std::string describeLeak(const Leak &L,
                         const std::vector<std::string> &SlotNames);

} // namespace cxxescape

#endif
