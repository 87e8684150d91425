//===- LifetimeBound.cpp - Suggesting [[clang::lifetimebound]] ------------===//

#include "cxxescape/LifetimeBound.h"

namespace cxxescape {

namespace {

constexpr const char *AttrText = " [[clang::lifetimebound]]";

SourceSpot spot(const Graph &G, Pos P) {
  return {P.valid() ? G.fileName(P.File) : std::string(), P.Line, P.Col};
}

/// Whether the function's result is, at level 0, what slot I points to.
bool returnsSlot(const FunctionSummary &S, int I) {
  const SlotSummary *Slot = S.slotOrNull(I);
  if (!Slot)
    return false;
  const Leak *L = Slot->find(LeakSink::Result);
  return L && L->Derefs == 0;
}

} // namespace

std::vector<Finding> suggestLifetimeBound(const Graph &G) {
  std::vector<Finding> Out;
  for (FuncId FI = 0; FI < G.numFuncs(); ++FI) {
    const Function &F = G.func(FI);
    if (F.IsLambda || F.Result == NoLoc)
      continue;
    for (size_t I = 0; I < F.LifetimeBoundSpots.size(); ++I) {
      const AttrSpot &A = F.LifetimeBoundSpots[I];
      int Slot = static_cast<int>(I);
      if (!A.Eligible || !returnsSlot(F.Summary, Slot) ||
          returnsSlot(F.Declared, Slot))
        continue;
      Finding Fd;
      Fd.Rule = "escape-lifetimebound";
      std::string Target;
      if (Slot == ThisSlot) {
        Fd.Where = spot(G, F.Where);
        Fd.Message = "the result of '" + F.Name +
                     "' points into '*this'; mark the function "
                     "[[clang::lifetimebound]] so that Clang warns where the "
                     "object dies first";
      } else {
        if (I - 1 >= F.Params.size())
          continue;
        const Location &P = G.loc(F.Params[I - 1]);
        Fd.Where = spot(G, P.Decl);
        Fd.Message = "the result of '" + F.Name +
                     "' points to what parameter '" + P.Name +
                     "' refers to; mark '" + P.Name +
                     "' [[clang::lifetimebound]] so that Clang warns where "
                     "that object dies first";
      }
      if (A.HasFix) {
        FixIt Fix;
        Fix.Description = "insert '[[clang::lifetimebound]]'";
        Fix.Replacements.push_back(
            {G.fileName(A.File), A.Offset, 0, AttrText});
        Fd.Fixes.push_back(std::move(Fix));
      } else {
        Fd.NoFixReason = A.NoFixReason;
      }
      Out.push_back(std::move(Fd));
    }
  }
  return Out;
}

} // namespace cxxescape
