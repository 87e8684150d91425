//===- LowerGuard.cpp - Flows conditional on a parameter's value ----------===//
//
// `void set(const char *s, bool copy) { if (copy) dup(s); else keep = s; }`:
// whether `s` is kept depends on what the caller passes for `copy`. Edges
// lowered under such a condition carry it; summaries keep it, and a call
// passing a constant that fails it (`set(buf, true)`, or a default argument)
// does not get the flow. Only parameters the body never changes qualify.
//
//===----------------------------------------------------------------------===//

#include "Lowerer.h"

#include "clang/Analysis/Analyses/ExprMutationAnalyzer.h"

using namespace clang;

namespace cxxescape {

namespace {

/// The parameter a condition operand names, if any.
const ParmVarDecl *paramOf(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  return DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
}

} // namespace

ParamGuard Lowerer::guardOf(const Expr *Cond) {
  ParamGuard None;
  if (!Cond || FnStack.empty() || Cond->isValueDependent())
    return None;
  Cond = Cond->IgnoreParenImpCasts();
  bool Negate = false;
  while (const auto *UO = dyn_cast<UnaryOperator>(Cond)) {
    if (UO->getOpcode() != UO_LNot)
      return None;
    Negate = !Negate;
    Cond = UO->getSubExpr()->IgnoreParenImpCasts();
  }
  const ParmVarDecl *P = nullptr;
  ParamGuard G;
  if (const auto *BO = dyn_cast<BinaryOperator>(Cond)) {
    if (BO->getOpcode() != BO_EQ && BO->getOpcode() != BO_NE)
      return None;
    const Expr *Other = BO->getRHS();
    P = paramOf(BO->getLHS());
    if (!P) {
      P = paramOf(BO->getRHS());
      Other = BO->getLHS();
    }
    Expr::EvalResult R;
    if (!P || Other->isValueDependent() || !Other->EvaluateAsInt(R, Ctx))
      return None;
    G.Value = R.Val.getInt().getExtValue();
    G.Equal = BO->getOpcode() == BO_EQ;
  } else {
    P = paramOf(Cond);
    G.Value = 0;
    G.Equal = false; // `if (p)`: p != 0
  }
  if (!P || P->getDeclContext() != fn().Decl)
    return None;
  QualType T = P->getType();
  if (!T->isIntegralOrEnumerationType() || T->isDependentType())
    return None;
  auto [It, New] = fn().FixedParams.try_emplace(P, false);
  if (New) {
    const Stmt *Body = fn().Decl->getBody();
    It->second =
        Body && !ExprMutationAnalyzer(*Body, Ctx).isMutated(P);
  }
  if (!It->second)
    return None;
  G.Slot = static_cast<int>(P->getFunctionScopeIndex()) + 1;
  return Negate ? G.negated() : G;
}

void Lowerer::guardedBlock(const ParamGuard &G, const Stmt *S) {
  if (!S)
    return;
  if (G.none() || !fn().Guard.none()) {
    block(S);
    return;
  }
  fn().Guard = G;
  block(S);
  fn().Guard = ParamGuard();
}

bool Lowerer::alwaysExits(const Stmt *S) {
  if (!S)
    return false;
  if (isa<ReturnStmt>(S) || isa<CXXThrowExpr>(S))
    return true;
  if (const auto *CS = dyn_cast<CompoundStmt>(S))
    return !CS->body_empty() && alwaysExits(CS->body_back());
  if (const auto *IS = dyn_cast<IfStmt>(S))
    return IS->getElse() && alwaysExits(IS->getThen()) &&
           alwaysExits(IS->getElse());
  return false;
}

} // namespace cxxescape
