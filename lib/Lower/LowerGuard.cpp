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

namespace {

/// True if a call argument is bound to a parameter of type `const T &`.
bool boundToConstRef(const FunctionDecl *Callee, unsigned Arg) {
  if (!Callee || Arg >= Callee->getNumParams())
    return false;
  QualType T = Callee->getParamDecl(Arg)->getType();
  return T->isLValueReferenceType() && T->getPointeeType().isConstQualified();
}

/// Is every use of P in S a read of its value? A use that is not (an
/// assignment, ++, &P, a non-const reference, a capture by reference, an
/// unevaluated operand) may change it. Walked by hand: clang's
/// ExprMutationAnalyzer builds the parent map of the whole translation unit,
/// a tenth of the lowering's memory on a large unit.
bool onlyReadIn(const ParmVarDecl *P, const Stmt *S) {
  if (!S)
    return true;
  auto IsP = [&](const Expr *E) {
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParens());
    return DRE && DRE->getDecl() == P;
  };
  // `const T &` binds to P through a no-op cast that adds the const.
  auto IsPAsConst = [&](const Expr *E) {
    E = E->IgnoreParens();
    for (const auto *ICE = dyn_cast<ImplicitCastExpr>(E);
         ICE && ICE->getCastKind() == CK_NoOp;
         ICE = dyn_cast<ImplicitCastExpr>(E))
      E = ICE->getSubExpr()->IgnoreParens();
    return IsP(E);
  };
  if (const auto *ICE = dyn_cast<ImplicitCastExpr>(S);
      ICE && ICE->getCastKind() == CK_LValueToRValue && IsP(ICE->getSubExpr()))
    return true;
  if (const auto *E = dyn_cast<Expr>(S); E && IsP(E))
    return false; // any other use of the lvalue
  // Arguments bound to `const T &` are reads too.
  const FunctionDecl *Callee = nullptr;
  unsigned Skip = 0; // a member operator's object is not a parameter
  if (const auto *CE = dyn_cast<CallExpr>(S)) {
    Callee = CE->getDirectCallee();
    if (isa<CXXOperatorCallExpr>(CE) && isa_and_nonnull<CXXMethodDecl>(Callee))
      Skip = 1;
    for (unsigned I = 0; I < CE->getNumArgs(); ++I) {
      const Expr *A = CE->getArg(I);
      bool ConstRef = I >= Skip && boundToConstRef(Callee, I - Skip);
      if (!(ConstRef && IsPAsConst(A)) && !onlyReadIn(P, A))
        return false;
    }
    return onlyReadIn(P, CE->getCallee());
  }
  if (const auto *CE = dyn_cast<CXXConstructExpr>(S)) {
    for (unsigned I = 0; I < CE->getNumArgs(); ++I) {
      const Expr *A = CE->getArg(I);
      if (!(boundToConstRef(CE->getConstructor(), I) && IsPAsConst(A)) &&
          !onlyReadIn(P, A))
        return false;
    }
    return true;
  }
  for (const Stmt *Child : S->children())
    if (!onlyReadIn(P, Child))
      return false;
  return true;
}

} // namespace

bool Lowerer::onlyRead(const ParmVarDecl *P, const Stmt *Body) {
  return onlyReadIn(P, Body);
}

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
        Body && onlyRead(P, Body);
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
