//===- GoVerdicts.cpp - Go's finish(): who prints what
//---------------------===//
//
// After the batches are solved, Go prints (escape.go, finish and
// reportLeaks):
//   * a variable that escapes: "moved to heap: x", at its declaration;
//   * an allocation site: "new(T) escapes to heap" or "new(T) does not
//     escape"; a lambda is Go's func literal: "lambda escapes to heap";
//   * a parameter that holds a pointer and is not itself moved: its tag,
//     "leaking param: p", "leaking param content: p", "leaking param: p to
//     result ~r0 level=N", or "p does not escape".
// At -m=2 each escape and each parameter leak is preceded by the flow that
// caused it, in Go's words: "x escapes to heap:", "flow: DST = OPS SRC:",
// "from WHERE (WHY) at POS".
//
//===----------------------------------------------------------------------===//

#include "GoBatches.h"
#include "cxxescape/GoMode.h"

#include "cxxescape/Solver.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace cxxescape {

std::string goAllocText(const std::string &LoweredName) {
  const std::string Prefix = "new ";
  if (LoweredName.rfind(Prefix, 0) == 0)
    return "new(" + LoweredName.substr(Prefix.size()) + ")";
  return LoweredName;
}

namespace {

class Verdicts {
public:
  Verdicts(const Graph &G, const Solver &S, const GoModeOptions &Opts)
      : G(G), S(S), Opts(Opts) {}
  std::vector<GoVerdict> collect();

private:
  void location(LocId L);
  void parameter(LocId L);
  GoVerdict &add(LocId L, std::string Text);
  /// Go's explainLoc: how a location is named in a flow line.
  std::string flowName(LocId L) const;
  /// Go's name of the escaping thing itself ("x", "new(int)", "lambda").
  std::string subjectName(LocId L) const;
  std::string posText(const Pos &P) const;
  void explainPath(LocId From, const std::vector<Solver::Step> &Path,
                   std::vector<std::string> &Out) const;

  const Graph &G;
  const Solver &S;
  const GoModeOptions &Opts;
  std::vector<GoVerdict> Out;
  /// -m=2: the leak traces of each parameter, in the order found.
  std::map<LocId, std::vector<const Solver::LeakTrace *>> Traces;
};

std::string Verdicts::posText(const Pos &P) const {
  std::string File = G.fileName(P.File);
  if (Opts.DisplayPath)
    File = Opts.DisplayPath(File);
  return File + ":" + std::to_string(P.Line) + ":" + std::to_string(P.Col);
}

std::string Verdicts::flowName(LocId Id) const {
  const Location &L = G.loc(Id);
  switch (L.Kind) {
  case LocKind::Sink:
  case LocKind::Indirect:
    return "{heap}";
  case LocKind::Alloc:
  case LocKind::Closure:
    return "{storage for " + subjectName(Id) + "}";
  case LocKind::Result:
    return "~r" + std::to_string(L.ResultIndex > 0 ? L.ResultIndex - 1 : 0);
  case LocKind::Variable:
  case LocKind::Param:
  case LocKind::This:
    return L.Name.empty() ? "{temp}" : L.Name;
  case LocKind::Temporary:
  case LocKind::Temp:
    return "{temp}";
  }
  return "{temp}";
}

std::string Verdicts::subjectName(LocId Id) const {
  const Location &L = G.loc(Id);
  if (L.Kind == LocKind::Alloc)
    return goAllocText(L.Name);
  if (L.Kind == LocKind::Closure)
    return "lambda";
  return L.Name;
}

void Verdicts::explainPath(LocId From, const std::vector<Solver::Step> &Path,
                           std::vector<std::string> &Lines) const {
  LocId Src = From;
  for (const Solver::Step &St : Path) {
    const Edge &E = G.loc(St.Dst).In[St.EdgeIndex];
    std::string Ops = E.Derefs < 0 ? "&" : std::string(E.Derefs, '*');
    Lines.push_back("   flow: " + flowName(St.Dst) + " = " + Ops +
                    flowName(Src) + ":");
    // Go prints the innermost step first; holes add notes outermost first.
    for (auto It = E.Notes.rbegin(); It != E.Notes.rend(); ++It) {
      const Note &N = *It;
      std::string Where = N.Text.empty() ? N.Why : N.Text;
      Lines.push_back("     from " + Where + " (" + N.Why + ") at " +
                      posText(N.Where));
    }
    Src = St.Dst;
  }
}

GoVerdict &Verdicts::add(LocId Id, std::string Text) {
  const Location &L = G.loc(Id);
  GoVerdict V;
  V.File = G.fileName(L.Decl.File);
  V.Line = L.Decl.Line;
  V.Col = L.Decl.Col;
  V.Text = std::move(Text);
  Out.push_back(std::move(V));
  return Out.back();
}

void Verdicts::parameter(LocId Id) {
  const Location &L = G.loc(Id);
  // Go's paramTag: a parameter without pointers, or without a name, gets
  // no diagnostic.
  if (L.Kind == LocKind::Param && (L.PointerFree || L.Name.empty()))
    return;
  std::vector<std::string> Explain;
  if (Opts.Level >= 2)
    for (const Solver::LeakTrace *T : Traces[Id]) {
      Explain.push_back(" parameter " + L.Name + " leaks to " +
                        flowName(T->Root) +
                        " with derefs=" + std::to_string(T->Derefs) + ":");
      explainPath(Id, T->Path, Explain);
    }
  const Leaks &Tag = L.ParamLeaks;
  bool Warned = false;
  if (Tag.Heap >= 0) {
    add(Id, (Tag.Heap == 0 ? "leaking param: " : "leaking param content: ") +
                L.Name);
    Warned = true;
  }
  for (int I = 0; I < Leaks::NumResults; ++I)
    if (Tag.Result[I] >= 0) {
      add(Id, "leaking param: " + L.Name + " to result ~r" + std::to_string(I) +
                  " level=" + std::to_string(Tag.Result[I]));
      Warned = true;
    }
  if (!Warned)
    add(Id, L.Name + " does not escape");
  if (!Explain.empty())
    Out.back().Explain = std::move(Explain);
}

void Verdicts::location(LocId Id) {
  const Location &L = G.loc(Id);
  if (!L.Decl.valid() || L.Fn == NoFunc)
    return;
  bool Escapes = L.has(AttrEscapes);
  std::vector<std::string> Explain;
  if (Escapes && Opts.Level >= 2 && S.escapeRoot(Id) != NoLoc) {
    Explain.push_back(" " + subjectName(Id) + " escapes to heap:");
    explainPath(Id, S.explanation(Id), Explain);
  }
  switch (L.Kind) {
  case LocKind::Variable:
    if (!Escapes || L.Name.empty())
      return;
    add(Id, "moved to heap: " + L.Name);
    break;
  case LocKind::Param:
  case LocKind::This:
    if (!Escapes)
      return parameter(Id);
    add(Id, "moved to heap: " + L.Name);
    break;
  case LocKind::Alloc:
  case LocKind::Closure:
    add(Id,
        subjectName(Id) + (Escapes ? " escapes to heap" : " does not escape"));
    break;
  default:
    return;
  }
  Out.back().Explain = std::move(Explain);
}

std::vector<GoVerdict> Verdicts::collect() {
  for (const Solver::LeakTrace &T : S.leakTraces())
    Traces[T.Param].push_back(&T);
  for (LocId L = 0; L < G.numLocs(); ++L)
    location(L);
  auto Key = [](const GoVerdict &V) {
    return std::tie(V.File, V.Line, V.Col, V.Text);
  };
  std::sort(
      Out.begin(), Out.end(),
      [&](const GoVerdict &A, const GoVerdict &B) { return Key(A) < Key(B); });
  // A template's instantiations, and a body linked from several units,
  // print one line per position and text.
  Out.erase(std::unique(Out.begin(), Out.end(),
                        [&](const GoVerdict &A, const GoVerdict &B) {
                          return Key(A) == Key(B);
                        }),
            Out.end());
  return std::move(Out);
}

} // namespace

namespace {

/// Go's HeapAllocReason: flow(heapHole().addr(n, why), loc) for an
/// allocation too large for the stack or of a size known only at run time.
void heapAllocReasons(Graph &G, uint64_t MaxStackAlloc) {
  for (LocId I = 0; I < G.numLocs(); ++I) {
    const Location &L = G.loc(I);
    if (L.Kind != LocKind::Alloc || L.Alloc->Form == AllocForm::None)
      continue;
    const AllocFacts &F = *L.Alloc;
    const char *Why = nullptr;
    if (F.SizeKnown && F.Bytes > MaxStackAlloc)
      Why = "too large for stack";
    else if (!F.SizeKnown && F.Form == AllocForm::NewArray)
      Why = "non-constant size";
    if (Why)
      G.addEdge(G.heapLoc(), I, -1, 0, NoStore,
                {Note{L.Decl, Why, goAllocText(L.Name)}});
  }
}

} // namespace

void solveProgramGo(Graph &G, const ModelSet *Models,
                    std::optional<uint64_t> MaxStackAlloc) {
  if (MaxStackAlloc)
    heapAllocReasons(G, *MaxStackAlloc);
  ModelSet Builtin;
  if (!Models) {
    std::string Error;
    // The built-in files are tested; an error here is a build defect.
    if (!Builtin.loadBuiltin(Error))
      Builtin = ModelSet();
    Models = &Builtin;
  }
  Solver S(G, Lifetimes::GoLoops);
  gomode::solveBatches(G, S, *Models);
}

std::vector<GoVerdict> analyzeProgramGo(Graph &G, const GoModeOptions &Opts) {
  ModelSet Builtin;
  const ModelSet *Models = Opts.Models.get();
  if (!Models) {
    std::string Error;
    // The built-in files are tested; an error here is a build defect.
    if (!Builtin.loadBuiltin(Error))
      Builtin = ModelSet();
    Models = &Builtin;
  }
  heapAllocReasons(G, Opts.MaxStackAlloc);
  Solver S(G, Lifetimes::GoLoops);
  S.traceLeaks(Opts.Level >= 2);
  gomode::solveBatches(G, S, *Models);
  return Verdicts(G, S, Opts).collect();
}

} // namespace cxxescape
