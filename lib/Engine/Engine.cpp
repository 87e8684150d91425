//===- Engine.cpp - Lower, link, solve, classify --------------------------===//

#include "cxxescape/Engine.h"
#include "cxxescape/BugMode.h"
#include "cxxescape/Classify.h"
#include "cxxescape/Fixes.h"
#include "cxxescape/Interprocedural.h"
#include "cxxescape/LifetimeBound.h"
#include "cxxescape/Lower.h"
#include "cxxescape/Solver.h"

#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"

#include <algorithm>
#include <mutex>

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
  std::stable_sort(Units.begin(), Units.end(),
                   [](const Graph &A, const Graph &B) {
                     return A.MainFile < B.MainFile;
                   });
  Graph Program;
  for (const Graph &U : Units)
    Program.link(U);
  return Program;
}

ProgramResult analyzeProgram(Graph &G, const EngineOptions &Opts) {
  ProgramResult R;
  const ModelSet &Models = Opts.Models ? *Opts.Models : builtinModels();
  solveCallsBugMode(G, Models, Opts.Unknown, R.Stats, Opts.Interprocedural);
  Solver S(G, Lifetimes::CxxScopes);
  S.walkAll();
  std::vector<Witness> Ws = findDanglingWitnesses(G, S);
  for (Finding &F : classifyWitnesses(G, S, Ws))
    if (Opts.Checks.enabled(F.Rule))
      R.Findings.push_back(std::move(F));
  if (Opts.Checks.enabled("escape-lifetimebound"))
    for (Finding &F : suggestLifetimeBound(G))
      R.Findings.push_back(std::move(F));
  R.Placements = placeLocals(G, Ws);
  return R;
}

std::vector<Finding> analyzeTranslationUnit(clang::ASTContext &Ctx,
                                            const EngineOptions &Opts) {
  Graph G = lowerUnit(Ctx);
  return analyzeProgram(G, Opts).Findings;
}

} // namespace cxxescape
