//===- LowerAssign.cpp - Assignment destinations (Go's addr) --------------===//
//
// Go sends every store through a pointer to the heap. Here such a store gets
// its own Indirect location that remembers the pointer it goes through; bug
// mode later resolves where that pointer points.
//
//===----------------------------------------------------------------------===//

#include "Lowerer.h"

#include "llvm/Support/raw_ostream.h"

using namespace clang;

namespace cxxescape {

Hole Lowerer::addr(const Expr *LHS, StoreId St, const Expr *Whole) {
  if (!Whole)
    Whole = LHS;
  const Expr *E = LHS->IgnoreParens();
  if (const auto *IC = dyn_cast<ImplicitCastExpr>(E);
      IC && IC->getCastKind() == CK_NoOp)
    E = IC->getSubExpr()->IgnoreParens();

  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const VarDecl *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (const auto *BD = dyn_cast<BindingDecl>(DRE->getDecl())) {
      if (const VarDecl *Holding = BD->getHoldingVar())
        return indirectStoreThroughRef(localVar(Holding), Whole, St);
      if (const Expr *B = BD->getBinding())
        return addr(B, St, Whole);
    }
    if (!VD)
      return Hole{};
    if (!VD->hasLocalStorage())
      return holeOf(globalSink(VD), St);
    if (VD->getType()->isReferenceType())
      return indirectStoreThroughRef(localVar(VD), Whole, St);
    return holeOf(localVar(VD), St);
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    if (const auto *VD = dyn_cast<VarDecl>(ME->getMemberDecl())) {
      discard(ME->getBase());
      return holeOf(globalSink(VD), St);
    }
    // s.f = v stores into s (fields are not told apart); p->f = v and
    // assignments through reference members store through a pointer.
    if (!ME->isArrow() && !ME->getMemberDecl()->getType()->isReferenceType()) {
      Hole K = addr(ME->getBase(), St, Whole);
      // s.a.b = v writes field a of s: the field next to the variable.
      if (!K.FieldW && K.Derefs == 0)
        K.FieldW = fieldId(ME->getMemberDecl());
      return K;
    }
    return indirectStore(E, Whole, St);
  }
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
    const Expr *Base = AS->getBase()->IgnoreParens();
    if (const auto *IC = dyn_cast<ImplicitCastExpr>(Base);
        IC && IC->getCastKind() == CK_ArrayToPointerDecay) {
      discard(AS->getIdx());
      Hole K = addr(IC->getSubExpr(), St, Whole);
      if (!K.FieldW && K.Derefs == 0)
        K.FieldW = elementId(AS->getIdx());
      return K;
    }
    return indirectStore(E, Whole, St);
  }
  return indirectStore(E, Whole, St);
}

Hole Lowerer::indirectStore(const Expr *Pointee, const Expr *Whole,
                            StoreId St) {
  // The pointer stored through is the address of the destination lvalue.
  LocId Ptr = newLoc(LocKind::Temp, "", pos(Whole->getBeginLoc()), CurScope);
  expr(holeOf(Ptr).addr(), Pointee);
  LocId Ind = newLoc(LocKind::Indirect, storeName(Whole),
                     pos(Whole->getBeginLoc()), CurScope);
  G.loc(Ind).PtrOf = Ptr;
  return holeOf(Ind, St);
}

std::string Lowerer::storeName(const Expr *Whole) {
  // A member of *this is named by its field: `m`, `this->m`, `(*this).m`,
  // and an element of a member array by the array: `slots[i]`.
  const Expr *E = Whole->IgnoreParenImpCasts();
  while (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
    const auto *IC = dyn_cast<ImplicitCastExpr>(AS->getBase()->IgnoreParens());
    if (!IC || IC->getCastKind() != CK_ArrayToPointerDecay)
      break;
    E = IC->getSubExpr()->IgnoreParenImpCasts();
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
    if (const auto *UO = dyn_cast<UnaryOperator>(Base);
        UO && UO->getOpcode() == UO_Deref)
      Base = UO->getSubExpr()->IgnoreParenImpCasts();
    if (isa<CXXThisExpr>(Base))
      return ME->getMemberDecl()->getNameAsString();
  }
  return describe(Whole);
}

Hole Lowerer::indirectStoreThroughRef(LocId RefVar, const Expr *Whole,
                                      StoreId St) {
  LocId Ptr = newLoc(LocKind::Temp, "", pos(Whole->getBeginLoc()), CurScope);
  flow(holeOf(Ptr), RefVar);
  LocId Ind = newLoc(LocKind::Indirect, storeName(Whole),
                     pos(Whole->getBeginLoc()), CurScope);
  G.loc(Ind).PtrOf = Ptr;
  return holeOf(Ind, St);
}

void Lowerer::assign(const Expr *LHS, const Expr *RHS, const Stmt *Anchor) {
  const VarDecl *LocalDst = nullptr;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(LHS->IgnoreParenImpCasts()))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
        VD && VD->hasLocalStorage() && !VD->getType()->isReferenceType() &&
        G.loc(localVar(VD)).Fn == fn().Id)
      LocalDst = VD; // a lambda's store into a capture is not local to it
  if (LocalDst)
    noteAllocHolder(LocalDst, RHS, Anchor);
  StoreId St = newStore(Anchor, nullptr, LHS, LocalDst);
  PendingStore &PS = fn().Stores.back();
  PS.ValueKey = valueKey(RHS);
  // The base the destination is reached from: `g`, `out` in *out, this.
  const Expr *Base = LHS;
  for (;;) {
    Base = Base->IgnoreParenImpCasts();
    if (const auto *ME = dyn_cast<MemberExpr>(Base))
      Base = ME->getBase();
    else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(Base))
      Base = AS->getBase();
    else if (const auto *UO = dyn_cast<UnaryOperator>(Base);
             UO && UO->getOpcode() == UO_Deref)
      Base = UO->getSubExpr();
    else
      break;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Base))
    PS.BaseDecl = DRE->getDecl();
  PS.BaseThis = isa<CXXThisExpr>(Base);
  if (const ValueDecl *Written = assignedFieldOrGlobal(LHS))
    PS.DstField = fieldId(Written);
  Hole K = addr(LHS, St).note(note(Anchor, "assign"));
  expr(K, RHS);
}

StoreId Lowerer::newStore(const Stmt *Anchor, const VarDecl *AnchorVar,
                          const Expr *Dst, const VarDecl *LocalDst) {
  StoreId St = G.addStore();
  PendingStore PS;
  PS.Id = St;
  PS.Anchor = Anchor;
  PS.AnchorVar = AnchorVar;
  PS.LocalDst = LocalDst;
  PS.FullExpr = CurFullExpr;
  if (Dst)
    PS.Key = lvalueKey(Dst);
  else if (AnchorVar)
    PS.Key = "d" + keyNumber(AnchorVar->getCanonicalDecl());
  fn().Stores.push_back(std::move(PS));
  return St;
}

std::string Lowerer::valueKey(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_AddrOf)
    return "&" + lvalueKey(UO->getSubExpr());
  return lvalueKey(E);
}

std::string Lowerer::keyNumber(const void *Node) {
  auto [It, New] =
      KeyNumbers.try_emplace(Node, static_cast<uint32_t>(KeyNumbers.size()));
  return std::to_string(It->second);
}

std::string Lowerer::lvalueKey(const Expr *E, const ValueDecl *D) {
  if (!E)
    return "d" + keyNumber(D->getCanonicalDecl());
  E = E->IgnoreParenImpCasts();
  auto Unique = [&] {
    return "?" + keyNumber(E);
  };
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return "d" + keyNumber(DRE->getDecl()->getCanonicalDecl());
  if (isa<CXXThisExpr>(E))
    return "this";
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return lvalueKey(ME->getBase()) + (ME->isArrow() ? "->" : ".") +
           keyNumber(ME->getMemberDecl()->getCanonicalDecl());
  if (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->getOpcode() == UO_Deref)
    return "*(" + lvalueKey(UO->getSubExpr()) + ")";
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
    Expr::EvalResult R;
    if (!AS->getIdx()->isValueDependent() &&
        AS->getIdx()->EvaluateAsInt(R, Ctx))
      return lvalueKey(AS->getBase()) + "[" +
             std::to_string(R.Val.getInt().getExtValue()) + "]";
    return Unique();
  }
  return Unique();
}

} // namespace cxxescape
