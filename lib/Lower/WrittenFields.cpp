//===- WrittenFields.cpp - Which fields does a body assign? ---------------===//
//
// A store of a local's address into `list->tail` (or a global) is undone by
// a later call that assigns `tail` (the global) again: a pop, an unregister. The call's callee may be
// in another translation unit, so lowering only records which fields each
// body assigns; the linked program decides (lib/Summary/CallKills.cpp).
//
//===----------------------------------------------------------------------===//

#include "Lowerer.h"

#include <algorithm>

using namespace clang;

namespace cxxescape {

namespace {

const Expr *assignedLvalue(const Stmt *S) {
  if (const auto *BO = dyn_cast<BinaryOperator>(S);
      BO && BO->getOpcode() == BO_Assign)
    return BO->getLHS();
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S);
      OC && OC->getOperator() == OO_Equal && OC->getNumArgs() == 2)
    return OC->getArg(0);
  return nullptr;
}

void collect(Lowerer &L, const Stmt *S, std::vector<uint32_t> &Out) {
  if (!S || isa<LambdaExpr>(S)) // a lambda's body is a function of its own
    return;
  if (const Expr *LHS = assignedLvalue(S))
    if (const ValueDecl *Written = assignedFieldOrGlobal(LHS))
      Out.push_back(L.fieldId(Written));
  for (const Stmt *Child : S->children())
    collect(L, Child, Out);
}

} // namespace

const ValueDecl *assignedFieldOrGlobal(const Expr *LHS) {
  LHS = LHS->IgnoreParenImpCasts();
  if (const auto *ME = dyn_cast<MemberExpr>(LHS))
    return isa<FieldDecl>(ME->getMemberDecl()) ? ME->getMemberDecl() : nullptr;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(LHS))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
        VD && VD->hasGlobalStorage())
      return VD;
  return nullptr;
}

void recordWrittenFields(Lowerer &L, FuncId Fn, const Stmt *Body) {
  std::vector<uint32_t> Fields;
  collect(L, Body, Fields);
  std::sort(Fields.begin(), Fields.end());
  Fields.erase(std::unique(Fields.begin(), Fields.end()), Fields.end());
  L.G.func(Fn).WritesFields = std::move(Fields);
}

} // namespace cxxescape
