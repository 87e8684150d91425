//===- HeapAllocs.cpp - escape-heap-to-stack and escape-leak -------------===//
//
// Go puts new(T), &T{} and make([]T, N) on the stack when escape analysis
// proves they do not escape and they are small enough (64 KiB). C++ never
// does it for you. An allocation site whose object the Go-rules solve keeps
// local, that the program frees where a stack object would die anyway, and
// that is not too large, is escape-heap-to-stack. A `new` that does not
// escape and that nothing can free is escape-leak.
//
//===----------------------------------------------------------------------===//

#include "cxxescape/HeapAllocs.h"

#include <algorithm>
#include <memory>
#include <unordered_set>

namespace cxxescape {

namespace {

SourceSpot spot(const Graph &G, Pos P) {
  return {P.valid() ? G.fileName(P.File) : std::string(), P.Line, P.Col};
}

std::string bytes(uint64_t N) {
  return std::to_string(N) + (N == 1 ? " byte" : " bytes");
}

std::string goText(const Location &L) {
  const std::string Prefix = "new ";
  if (L.Name.rfind(Prefix, 0) == 0)
    return "new(" + L.Name.substr(Prefix.size()) + ")";
  return L.Name;
}

/// What a `new`'s address reaches, following copies of the pointer.
enum class Fate {
  Dropped,  // only plain local pointers ever hold it, and none frees it
  Freed,    // a delete expression receives it
  HandedOn, // a call, an owner, an aggregate or a closure may free it
};

class AddressWalk {
public:
  explicit AddressWalk(const Graph &G) : G(G), Out(G.numLocs()) {
    for (LocId D = 0; D < G.numLocs(); ++D)
      for (size_t I = 0; I < G.loc(D).In.size(); ++I)
        Out[G.loc(D).In[I].Src].push_back({D, I});
    for (CallId C = 0; C < G.numCalls(); ++C)
      for (LocId S : G.call(C).Slots)
        if (S != NoLoc)
          Slots.insert(S);
  }

  Fate fate(LocId A) const {
    std::vector<LocId> Work;
    std::unordered_set<LocId> Seen{A};
    bool Freed = false;
    // The first step must take the address (the `new` itself); after it
    // only copies of the pointer (derefs 0) keep holding it.
    for (const auto &[D, I] : Out[A]) {
      const Edge &E = G.loc(D).In[I];
      if (E.Derefs >= 0)
        continue; // a read of the object's content, not of its address
      if (E.Derefs < -1)
        return Fate::HandedOn;
      if (!step(D, E, Seen, Work, Freed))
        return Fate::HandedOn;
    }
    while (!Work.empty()) {
      LocId L = Work.back();
      Work.pop_back();
      for (const auto &[D, I] : Out[L]) {
        const Edge &E = G.loc(D).In[I];
        if (E.Derefs > 0)
          continue; // a read through the pointer
        if (E.Derefs < 0)
          return Fate::HandedOn; // the holder's own address: anything goes
        if (!step(D, E, Seen, Work, Freed))
          return Fate::HandedOn;
      }
    }
    return Freed ? Fate::Freed : Fate::Dropped;
  }

private:
  /// D now holds the address. False when what D does with it is unknown.
  bool step(LocId D, const Edge &E, std::unordered_set<LocId> &Seen,
            std::vector<LocId> &Work, bool &Freed) const {
    const Location &L = G.loc(D);
    if (L.Frees) {
      Freed = true;
      return true;
    }
    if (Slots.count(D) || E.FieldW != 0 || E.FieldR != 0)
      return false;
    if (L.Kind != LocKind::Variable && L.Kind != LocKind::Temp)
      return false;
    if (Seen.insert(D).second)
      Work.push_back(D);
    return true;
  }

  const Graph &G;
  std::vector<std::vector<std::pair<LocId, size_t>>> Out;
  std::unordered_set<LocId> Slots;
};

bool fits(const AllocFacts &F, const HeapAllocOptions &Opts) {
  return F.SizeKnown && F.Bytes <= Opts.MaxStackAlloc;
}

/// Whether the freeing side of escape-heap-to-stack holds.
bool freedLikeAStackObject(const AllocFacts &F) {
  switch (F.Form) {
  case AllocForm::New:
  case AllocForm::NewArray:
    return F.Freed == FreeFacts::EveryPath;
  case AllocForm::MakeUnique:
  case AllocForm::MakeShared:
  case AllocForm::Vector:
    return F.OwnerKeeps;
  case AllocForm::None:
    break;
  }
  return false;
}

Finding heapToStack(const Graph &G, const Location &L) {
  const AllocFacts &F = *L.Alloc;
  Finding Fd;
  Fd.Rule = "escape-heap-to-stack";
  Fd.Where = spot(G, L.Decl);
  std::string Size = bytes(F.Bytes);
  std::string Fn = L.Fn != NoFunc ? G.func(L.Fn).Name : std::string();
  switch (F.Form) {
  case AllocForm::New:
  case AllocForm::NewArray:
    Fd.Message = "heap allocation of '" + F.Type + "' (" + Size +
                 ") never escapes and is deleted on every path; it could "
                 "live on the stack";
    Fd.Notes.push_back({Fd.Where, "'" + F.Holder +
                                      "' holds it and is deleted on every path "
                                      "from here to the end of '" +
                                      Fn + "'"});
    break;
  case AllocForm::MakeUnique:
    Fd.Message = "heap allocation of '" + F.Type + "' (" + Size +
                 ") by std::make_unique never escapes and '" + F.Holder +
                 "' owns it to the end of its scope; it could live on the "
                 "stack";
    Fd.Notes.push_back({Fd.Where, "'" + F.Holder +
                                      "' is never moved out, released, "
                                      "reset or reassigned"});
    break;
  case AllocForm::MakeShared:
    Fd.Message = "heap allocation of '" + F.Type + "' (" + Size +
                 ") by std::make_shared never escapes, nor does any copy "
                 "of '" +
                 F.Holder + "'; it could live on the stack";
    Fd.Notes.push_back(
        {Fd.Where, "every copy of '" + F.Holder + "' stays in '" + Fn + "'"});
    break;
  case AllocForm::Vector:
    Fd.Message = "the elements of '" + F.Holder + "' ('" + F.Type + "', " +
                 Size + ") never escape and '" + F.Holder +
                 "' never grows; they could live on the stack (a "
                 "std::array or a plain array)";
    Fd.Notes.push_back({Fd.Where, "'" + F.Holder +
                                      "' has a constant size and no call "
                                      "changes it"});
    break;
  case AllocForm::None:
    break;
  }
  Fd.Notes.push_back({Fd.Where, "Go keeps it on the stack: " + goText(L) +
                                    " does not escape"});
  return Fd;
}

Finding leak(const Graph &G, const Location &L) {
  Finding Fd;
  Fd.Rule = "escape-leak";
  Fd.Where = spot(G, L.Decl);
  const AllocFacts &F = *L.Alloc;
  std::string What = "new " + F.Type;
  if (F.Form == AllocForm::NewArray && !F.SizeKnown)
    What += "[]";
  Fd.Message = "memory allocated by '" + What +
               "' never escapes and is "
               "never deleted";
  std::string Fn = L.Fn != NoFunc ? G.func(L.Fn).Name : std::string();
  Fd.Notes.push_back(
      {Fd.Where, "no delete, call, owner or aggregate receives its address, "
                 "and it is lost when '" +
                     Fn + "' returns"});
  return Fd;
}

} // namespace

std::vector<Finding> findHeapAllocations(const Graph &G,
                                         const HeapAllocOptions &Opts) {
  std::vector<Finding> Out;
  if (!Opts.HeapToStack && !Opts.Leak)
    return Out;
  std::unique_ptr<AddressWalk> Walk;
  for (LocId I = 0; I < G.numLocs(); ++I) {
    const Location &L = G.loc(I);
    if (L.Kind != LocKind::Alloc || L.Alloc->Form == AllocForm::None ||
        !L.Decl.valid() || L.Fn == NoFunc || L.has(AttrEscapes))
      continue;
    const AllocFacts &F = *L.Alloc;
    if (Opts.HeapToStack && freedLikeAStackObject(F) && fits(F, Opts)) {
      Out.push_back(heapToStack(G, L));
      continue;
    }
    bool IsNew = F.Form == AllocForm::New || F.Form == AllocForm::NewArray;
    if (!Opts.Leak || !IsNew || F.Freed == FreeFacts::EveryPath ||
        F.Freed == FreeFacts::SomePaths)
      continue;
    if (!Walk)
      Walk = std::make_unique<AddressWalk>(G);
    if (Walk->fate(I) == Fate::Dropped)
      Out.push_back(leak(G, L));
  }
  return Out;
}

} // namespace cxxescape
