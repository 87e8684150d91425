//===- Engine.cpp - Lower, link, solve, classify --------------------------===//

#include "cxxescape/Engine.h"
#include "cxxescape/BugMode.h"
#include "cxxescape/Classify.h"
#include "cxxescape/Fixes.h"
#include "cxxescape/GoMode.h"
#include "cxxescape/HeapAllocs.h"
#include "cxxescape/Interprocedural.h"
#include "cxxescape/ProgramLinker.h"
#include "cxxescape/LifetimeBound.h"
#include "cxxescape/Lower.h"
#include "cxxescape/Solver.h"

#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"

#include <algorithm>
#include <mutex>
#include <set>
#include <tuple>

namespace cxxescape {

namespace {

/// The compiled-in models, parsed once per process.
const ModelSet &builtinModels() {
  static ModelSet Set;
  static std::once_flag Once;
  std::call_once(Once, [] {
    std::string Error;
    // The built-in files are tested; an error here is a build defect.
    if (!Set.loadBuiltin(Error))
      Set = ModelSet();
  });
  return Set;
}

} // namespace

Graph lowerUnit(clang::ASTContext &Ctx, const LowerOptions &Opts) {
  Graph G;
  const clang::SourceManager &SM = Ctx.getSourceManager();
  if (auto Entry = SM.getFileEntryRefForID(SM.getMainFileID()))
    G.MainFile = Entry->getName().str();
  lowerTranslationUnit(Ctx, G, Opts);
  return G;
}

Graph linkProgram(std::vector<Graph> Units) {
  std::vector<std::string> Keys;
  for (const Graph &U : Units)
    Keys.push_back(U.MainFile);
  ProgramLinker Linker(Keys);
  for (size_t I = 0; I < Units.size(); ++I)
    Linker.add(I, std::move(Units[I]));
  return Linker.take();
}

namespace {

/// Locals Go's rules move to the heap, by declaration: Go mode's verdict.
std::set<std::tuple<std::string, uint32_t, uint32_t, std::string>>
goHeapLocals(const Graph &G, const EngineOptions &Opts) {
  Graph Copy = G; // the Go solve changes the graph it runs on
  GoModeOptions GoOpts;
  GoOpts.Models = Opts.Models;
  std::set<std::tuple<std::string, uint32_t, uint32_t, std::string>> Moved;
  const std::string Prefix = "moved to heap: ";
  for (const GoVerdict &V : analyzeProgramGo(Copy, GoOpts))
    if (V.Text.rfind(Prefix, 0) == 0)
      Moved.insert({V.File, V.Line, V.Col, V.Text.substr(Prefix.size())});
  return Moved;
}

/// escape-heap-to-stack and escape-leak ask Go's question (does the
/// allocation escape?), so they read a Go-mode solve of a copy.
std::vector<Finding> heapAllocations(const Graph &G, const EngineOptions &Opts,
                                     const ModelSet &Models) {
  HeapAllocOptions HO;
  HO.HeapToStack = Opts.Checks.enabled("escape-heap-to-stack");
  HO.Leak = Opts.Checks.enabled("escape-leak");
  HO.MaxStackAlloc = Opts.MaxStackAlloc;
  if (!HO.HeapToStack && !HO.Leak)
    return {};
  Graph Copy = G; // the Go solve changes the graph it runs on
  solveProgramGo(Copy, &Models);
  return findHeapAllocations(Copy, HO);
}

} // namespace

ProgramResult analyzeProgram(Graph &G, const EngineOptions &Opts) {
  ProgramResult R;
  std::set<std::tuple<std::string, uint32_t, uint32_t, std::string>> GoHeap;
  if (Opts.GoPlacements)
    GoHeap = goHeapLocals(G, Opts);
  const ModelSet &Models = Opts.Models ? *Opts.Models : builtinModels();
  std::vector<Finding> HeapAllocs = heapAllocations(G, Opts, Models);
  solveCallsBugMode(G, Models, Opts.Unknown, R.Stats, Opts.Interprocedural,
                    Opts.WholeProgram);
  Solver S(G, Lifetimes::CxxScopes);
  S.walkAll();
  std::vector<Witness> Ws = findDanglingWitnesses(G, S);
  for (Finding &F : classifyWitnesses(G, S, Ws))
    if (Opts.Checks.enabled(F.Rule))
      R.Findings.push_back(std::move(F));
  if (Opts.Checks.enabled("escape-lifetimebound"))
    for (Finding &F : suggestLifetimeBound(G))
      R.Findings.push_back(std::move(F));
  for (Finding &F : HeapAllocs)
    R.Findings.push_back(std::move(F));
  R.Placements = placeLocals(G, Ws);
  for (LocalPlacement &P : R.Placements)
    if (!P.Heap &&
        GoHeap.count({P.Where.File, P.Where.Line, P.Where.Col, P.Name})) {
      P.Heap = true;
      P.Why = "Go's rules move it to the heap (its address goes where they "
              "cannot prove it dies first); no dangling use is known in C++";
    }
  return R;
}

std::vector<Finding> analyzeTranslationUnit(clang::ASTContext &Ctx,
                                            const EngineOptions &Opts) {
  Graph G = lowerUnit(Ctx);
  return analyzeProgram(G, Opts).Findings;
}

} // namespace cxxescape
