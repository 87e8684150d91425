//===- ReadGlobals.cpp - Which globals does a body read? ------------------===//
//
// An address stored in a global is used only by code that reads the global.
// When no function of the program reads it (re2's `hooks::context = this`,
// read only by hooks a user may install), the store is dead and nothing
// dangles. A read may be in another translation unit, so lowering records
// which globals each body reads; the linked program decides
// (lib/Summary/UnreadGlobals.cpp).
//
// Every use of a global but being assigned as a whole (`g = v`) is a read:
// a load, `g->x`, `g.f = v`, `g += v`, passing it, and taking its address or
// binding a reference to it, through which it can be read later.
//
//===----------------------------------------------------------------------===//

#include "Lowerer.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

#include <algorithm>

using namespace clang;

namespace cxxescape {

namespace {

const VarDecl *globalVar(const ValueDecl *D) {
  const auto *VD = dyn_cast_or_null<VarDecl>(D);
  return VD && VD->hasGlobalStorage() ? VD : nullptr;
}

/// The global `LHS = v` replaces as a whole, if any. Assigning through a
/// reference writes its referent: that reads the reference.
const VarDecl *replacedGlobal(const Expr *LHS) {
  LHS = LHS->IgnoreParens();
  if (const auto *IC = dyn_cast<ImplicitCastExpr>(LHS);
      IC && IC->getCastKind() == CK_NoOp)
    LHS = IC->getSubExpr()->IgnoreParens();
  const VarDecl *VD = nullptr;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(LHS))
    VD = globalVar(DRE->getDecl());
  else if (const auto *ME = dyn_cast<MemberExpr>(LHS)) // S::ctx via an object
    VD = globalVar(ME->getMemberDecl());
  return VD && !VD->getType()->isReferenceType() ? VD : nullptr;
}

class ReadCollector {
public:
  /// IntoLambdas: read lambda bodies too, for code whose lambdas are not
  /// lowered as functions of their own.
  ReadCollector(Lowerer &L, bool IntoLambdas = false)
      : L(L), IntoLambdas(IntoLambdas) {}

  void visit(const Stmt *S) {
    if (!S)
      return;
    if (const auto *LE = dyn_cast<LambdaExpr>(S); LE && !IntoLambdas) {
      // The body is a function of its own; the captures are evaluated here.
      for (const Expr *Init : LE->capture_inits())
        visit(Init);
      for (const LambdaCapture &Cap : LE->captures())
        if (Cap.capturesVariable())
          if (const auto *V = dyn_cast<VarDecl>(Cap.getCapturedVar());
              V && V->isInitCapture())
            visit(V->getInit());
      return;
    }
    // Default arguments and member initializers are not children.
    if (const auto *DA = dyn_cast<CXXDefaultArgExpr>(S))
      return visit(DA->getExpr());
    if (const auto *DI = dyn_cast<CXXDefaultInitExpr>(S))
      return visit(DI->getExpr());
    if (const auto *BO = dyn_cast<BinaryOperator>(S);
        BO && BO->getOpcode() == BO_Assign && replacedGlobal(BO->getLHS())) {
      assignment(BO->getLHS(), BO->getRHS());
      return;
    }
    // A trivial copy or move assignment copies the bytes, reading nothing of
    // the old value; a user-written one may read it.
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S);
        OC && OC->getOperator() == OO_Equal && OC->getNumArgs() == 2 &&
        replacedGlobal(OC->getArg(0)))
      if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(OC->getCalleeDecl());
          MD && MD->isTrivial()) {
        assignment(OC->getArg(0), OC->getArg(1));
        return;
      }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
      read(DRE->getDecl());
    else if (const auto *ME = dyn_cast<MemberExpr>(S))
      read(ME->getMemberDecl());
    for (const Stmt *Child : S->children())
      visit(Child);
  }

  std::vector<uint32_t> take() {
    std::sort(Ids.begin(), Ids.end());
    Ids.erase(std::unique(Ids.begin(), Ids.end()), Ids.end());
    return std::move(Ids);
  }

private:
  void read(const ValueDecl *D) {
    if (const VarDecl *VD = globalVar(D))
      Ids.push_back(L.fieldId(VD));
  }

  /// `g = v`: v is read, g is not; `obj.g = v` still evaluates obj.
  void assignment(const Expr *LHS, const Expr *RHS) {
    if (const auto *ME = dyn_cast<MemberExpr>(LHS->IgnoreParenImpCasts()))
      visit(ME->getBase());
    visit(RHS);
  }

  Lowerer &L;
  bool IntoLambdas;
  std::vector<uint32_t> Ids;
};

} // namespace

void recordReadGlobals(Lowerer &L, FuncId Fn, const FunctionDecl *FD,
                       const Stmt *Body) {
  ReadCollector C(L);
  if (const auto *CD = dyn_cast_or_null<CXXConstructorDecl>(FD))
    for (const CXXCtorInitializer *Init : CD->inits())
      C.visit(Init->getInit());
  C.visit(Body);
  L.G.func(Fn).ReadsGlobals = C.take();
}

void recordDefaultMemberInitReads(Lowerer &L, const FieldDecl *FD) {
  // An implicit or defaulted constructor, never lowered, runs it: the reads
  // go in a function of their own, when there are any.
  ReadCollector C(L, /*IntoLambdas=*/true);
  C.visit(FD->getInClassInitializer());
  std::vector<uint32_t> Ids = C.take();
  if (Ids.empty())
    return;
  Function F;
  F.Name = "the default member initializer of '" +
           FD->getQualifiedNameAsString() + "'";
  F.Where = L.pos(FD->getLocation());
  F.ReadsGlobals = std::move(Ids);
  FuncId Id = L.G.addFunction(std::move(F));
  L.G.func(Id).BodyScope = L.G.addScope(NoScope, Id);
}

} // namespace cxxescape
