//===- Engine.cpp - Lower, solve, classify --------------------------------===//

#include "cxxescape/Engine.h"
#include "cxxescape/BugMode.h"
#include "cxxescape/Classify.h"
#include "cxxescape/Lower.h"
#include "cxxescape/Solver.h"

namespace cxxescape {

std::vector<Finding> analyzeTranslationUnit(clang::ASTContext &Ctx,
                                            const EngineOptions &Opts) {
  Graph G;
  lowerTranslationUnit(Ctx, G);
  prepareBugMode(G);
  Solver S(G, Lifetimes::CxxScopes);
  S.walkAll();
  std::vector<Witness> Ws = findDanglingWitnesses(G, S);
  std::vector<Finding> All = classifyWitnesses(G, S, Ws);
  std::vector<Finding> Out;
  for (Finding &F : All)
    if (Opts.Checks.enabled(F.Rule))
      Out.push_back(std::move(F));
  return Out;
}

} // namespace cxxescape
