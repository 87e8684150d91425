//===- LoopCalls.cpp - Calls made inside loops -----------------------------===//
//
// `while (!done) cv.wait(lock);` waits until `done` holds; a single
// `cv.wait(lock)` or `sleep_for(1s)` may return first. Which calls a loop
// makes is syntax: the loop statement and everything under it, not the
// bodies of lambdas (functions of their own).
//
//===----------------------------------------------------------------------===//

#include "Lowerer.h"

#include <algorithm>

using namespace clang;

namespace cxxescape {

namespace {

void collect(const Lowerer::FnState &F, const Stmt *S, bool InLoop,
             llvm::DenseSet<const Stmt *> *Inside, std::vector<CallId> &Out) {
  if (!S || isa<LambdaExpr>(S))
    return;
  if (Inside)
    Inside->insert(S);
  InLoop = InLoop || isLoop(S);
  if (InLoop) {
    auto It = F.CallAt.find(S);
    if (It != F.CallAt.end())
      Out.push_back(It->second);
    if (const auto *DS = dyn_cast<DeclStmt>(S))
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D)) {
          auto Dtor = F.DtorAt.find(VD);
          if (Dtor != F.DtorAt.end())
            Out.push_back(Dtor->second);
        }
  }
  for (const Stmt *Child : S->children())
    collect(F, Child, InLoop, Inside, Out);
}

void sortUnique(std::vector<CallId> &Calls) {
  std::sort(Calls.begin(), Calls.end());
  Calls.erase(std::unique(Calls.begin(), Calls.end()), Calls.end());
}

} // namespace

bool isLoop(const Stmt *S) {
  return isa<WhileStmt>(S) || isa<ForStmt>(S) || isa<DoStmt>(S) ||
         isa<CXXForRangeStmt>(S);
}

void loopContents(const Lowerer::FnState &F, const Stmt *Loop,
                  llvm::DenseSet<const Stmt *> &Inside,
                  std::vector<CallId> &Calls) {
  collect(F, Loop, /*InLoop=*/true, &Inside, Calls);
  sortUnique(Calls);
}

void recordLoopCalls(Lowerer &L, FuncId Fn, const Stmt *Body) {
  std::vector<CallId> Calls;
  collect(L.fn(), Body, /*InLoop=*/false, nullptr, Calls);
  sortUnique(Calls);
  L.G.func(Fn).LoopCalls = std::move(Calls);
}

} // namespace cxxescape
