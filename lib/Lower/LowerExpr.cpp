//===- LowerExpr.cpp - Expressions: Go's expr(k, n) for Clang --------------===//

#include "Lowerer.h"

#include "clang/AST/ExprObjC.h"

using namespace clang;

namespace cxxescape {

static bool mentions(const Stmt *S, const VarDecl *VD) {
  if (!S)
    return false;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S); DRE && DRE->getDecl() == VD)
    return true;
  for (const Stmt *Child : S->children())
    if (mentions(Child, VD))
      return true;
  return false;
}


/// A call of a user constructor, under the nodes that only wrap it.
static bool buildsObject(const Expr *E) {
  const auto *CE = dyn_cast<CXXConstructExpr>(stripInit(E));
  return CE && CE->getConstructor() && !CE->getConstructor()->isTrivial() &&
         !CE->getConstructor()->isCopyOrMoveConstructor();
}

void Lowerer::expr(const Hole &KIn, const Expr *E) {
  if (!E)
    return;
  Hole K = KIn;
  // Values that carry no pointers carry no addresses (Go's type pruning).
  // Address-of contexts are kept: &x of an int is an address. So is the
  // object a constructor builds: its `this` may go anywhere.
  if (!K.blank() && K.Derefs >= 0 && !hasPointers(E->getType()) &&
      !buildsObject(E))
    K = Hole{};

  switch (E->getStmtClass()) {
  case Stmt::ParenExprClass:
  case Stmt::ConstantExprClass:
  case Stmt::ExprWithCleanupsClass:
  case Stmt::CXXBindTemporaryExprClass:
  case Stmt::CXXRewrittenBinaryOperatorClass:
  case Stmt::SubstNonTypeTemplateParmExprClass:
    for (const Stmt *Child : E->children())
      if (const auto *CE = dyn_cast_or_null<Expr>(Child)) {
        expr(K, CE);
        break;
      }
    return;
  case Stmt::OpaqueValueExprClass:
    expr(K, cast<OpaqueValueExpr>(E)->getSourceExpr());
    return;
  case Stmt::CXXDefaultArgExprClass:
    expr(K, cast<CXXDefaultArgExpr>(E)->getExpr());
    return;
  case Stmt::CXXDefaultInitExprClass:
    expr(K, cast<CXXDefaultInitExpr>(E)->getExpr());
    return;
  case Stmt::GenericSelectionExprClass: {
    const auto *GS = cast<GenericSelectionExpr>(E);
    if (!GS->isResultDependent())
      expr(K, GS->getResultExpr());
    return;
  }
  case Stmt::ChooseExprClass:
    expr(K, cast<ChooseExpr>(E)->getChosenSubExpr());
    return;
  case Stmt::DeclRefExprClass:
    declRef(K, cast<DeclRefExpr>(E));
    return;
  case Stmt::MemberExprClass: {
    const auto *ME = cast<MemberExpr>(E);
    const ValueDecl *Member = ME->getMemberDecl();
    if (isa<VarDecl>(Member)) {
      // A static data member is a global: reading it yields memory that
      // outlives every function.
      discard(ME->getBase());
      flow(K, externalLoc());
      return;
    }
    if (!isa<FieldDecl>(Member) && !isa<IndirectFieldDecl>(Member)) {
      discard(ME->getBase());
      return;
    }
    Hole BaseK = K.note(note(ME, ME->isArrow() ? "dot of pointer" : "dot"));
    // A reference member holds an address: naming it dereferences it.
    if (Member->getType()->isReferenceType())
      BaseK = BaseK.deref();
    if (ME->isArrow()) {
      BaseK = BaseK.deref();
      BaseK.FieldP = fieldId(Member); // as for FieldR: the innermost wins
    } else if (!Member->getType()->isReferenceType())
      BaseK.FieldR = fieldId(Member); // the innermost field wins
    expr(BaseK, ME->getBase());
    return;
  }
  case Stmt::ArraySubscriptExprClass: {
    const auto *AS = cast<ArraySubscriptExpr>(E);
    const Expr *Base = AS->getBase()->IgnoreParens();
    const Expr *Index = AS->getIdx();
    if (const auto *IC = dyn_cast<ImplicitCastExpr>(Base);
        IC && IC->getCastKind() == CK_ArrayToPointerDecay) {
      // An element of an array value is part of that value.
      Hole EK = K.note(note(AS, "fixed-array-index-of"));
      EK.FieldR = elementId(Index);
      expr(EK, IC->getSubExpr());
    } else {
      expr(K.deref().note(note(AS, "indirection")), AS->getBase());
    }
    discard(Index);
    return;
  }
  case Stmt::UnaryOperatorClass:
    unary(K, cast<UnaryOperator>(E));
    return;
  case Stmt::BinaryOperatorClass:
  case Stmt::CompoundAssignOperatorClass:
    binary(K, cast<BinaryOperator>(E));
    return;
  case Stmt::ConditionalOperatorClass: {
    const auto *CO = cast<ConditionalOperator>(E);
    discard(CO->getCond());
    expr(K, CO->getTrueExpr());
    expr(K, CO->getFalseExpr());
    return;
  }
  case Stmt::BinaryConditionalOperatorClass: {
    const auto *BC = cast<BinaryConditionalOperator>(E);
    expr(K, BC->getCommon());
    expr(K, BC->getFalseExpr());
    return;
  }
  case Stmt::ImplicitCastExprClass:
  case Stmt::CStyleCastExprClass:
  case Stmt::CXXFunctionalCastExprClass:
  case Stmt::CXXStaticCastExprClass:
  case Stmt::CXXDynamicCastExprClass:
  case Stmt::CXXReinterpretCastExprClass:
  case Stmt::CXXConstCastExprClass:
  case Stmt::CXXAddrspaceCastExprClass:
  case Stmt::BuiltinBitCastExprClass:
    cast(K, cast<CastExpr>(E));
    return;
  case Stmt::InitListExprClass:
    initList(K, cast<InitListExpr>(E));
    return;
  case Stmt::CXXParenListInitExprClass:
    parenList(K, cast<CXXParenListInitExpr>(E));
    return;
  case Stmt::MaterializeTemporaryExprClass:
    materialize(K, cast<MaterializeTemporaryExpr>(E));
    return;
  case Stmt::CallExprClass:
  case Stmt::CXXMemberCallExprClass:
  case Stmt::CXXOperatorCallExprClass:
  case Stmt::UserDefinedLiteralClass:
  case Stmt::CUDAKernelCallExprClass:
    call(K, cast<CallExpr>(E));
    return;
  case Stmt::CXXConstructExprClass:
  case Stmt::CXXTemporaryObjectExprClass:
    construct(K, cast<CXXConstructExpr>(E));
    return;
  case Stmt::LambdaExprClass:
    lambda(K, cast<LambdaExpr>(E));
    return;
  case Stmt::CXXNewExprClass:
    newExpr(K, cast<CXXNewExpr>(E));
    return;
  case Stmt::CXXThisExprClass:
    flow(K, fn().This);
    return;
  case Stmt::CXXThrowExprClass: {
    const auto *TE = cast<CXXThrowExpr>(E);
    if (const Expr *Sub = TE->getSubExpr()) {
      Hole TK = holeOf(throwSink(), AlwaysHeld).note(note(TE, "throw"));
      if (const CXXCatchStmt *H = localHandler(Sub->getType())) {
        // Caught in this function: the handler's variable receives it.
        TK = Hole{};
        if (const VarDecl *EV = H->getExceptionDecl()) {
          // The thrown address matters only if the handler reads it.
          StoreId St = G.addStore();
          G.store(St).Conservative = mentions(H->getHandlerBlock(), EV);
          G.store(St).Fn = fn().Id;
          G.store(St).OutlivesFunction = false;
          TK = holeOf(localVar(EV), St).note(note(TE, "throw"));
          if (EV->getType()->isReferenceType()) {
            // The reference binds the exception object: a copy of the
            // operand (never the operand itself, a local or a temporary)
            // that lives until the handler ends.
            LocId Exc = newLoc(LocKind::Temp, "the exception object",
                               pos(TE->getBeginLoc()), CurScope);
            flow(TK.addr(), Exc);
            TK = holeOf(Exc).note(note(TE, "throw"));
          }
        }
      }
      expr(TK, Sub);
    }
    return;
  }
  case Stmt::StmtExprClass: {
    const auto *SE = cast<StmtExpr>(E);
    const CompoundStmt *CS = SE->getSubStmt();
    ScopeId Saved = pushScope();
    const Stmt *Last = CS->body_empty() ? nullptr : CS->body_back();
    for (const Stmt *S : CS->body()) {
      if (S == Last && isa<Expr>(S))
        expr(K, cast<Expr>(S));
      else
        stmt(S);
    }
    popScope(Saved);
    return;
  }
  case Stmt::CXXStdInitializerListExprClass:
    // The list object points at its backing array, a temporary.
    expr(K.addr().note(note(E, "initializer list")),
         cast<CXXStdInitializerListExpr>(E)->getSubExpr());
    return;
  case Stmt::CompoundLiteralExprClass: {
    const auto *CL = cast<CompoundLiteralExpr>(E);
    if (K.blank()) {
      discard(CL->getInitializer());
      return;
    }
    LocId T = newLoc(LocKind::Temporary, "compound literal", pos(E->getBeginLoc()),
                     CurScope);
    expr(holeOf(T), CL->getInitializer());
    flow(K, T);
    return;
  }
  case Stmt::ArrayInitLoopExprClass:
    expr(K, cast<ArrayInitLoopExpr>(E)->getCommonExpr());
    return;
  case Stmt::CXXDeleteExprClass: {
    // The operand's value goes to a temp that frees what it points to:
    // escape-leak asks whether an allocation reaches one.
    const auto *DE = cast<CXXDeleteExpr>(E);
    LocId D = newLoc(LocKind::Temp, "delete", pos(E->getBeginLoc()), CurScope);
    G.loc(D).Frees = true;
    expr(holeOf(D).note(note(E, "deleted")), DE->getArgument());
    return;
  }
  // Unevaluated operands and values without storage.
  case Stmt::UnaryExprOrTypeTraitExprClass:
  case Stmt::CXXNoexceptExprClass:
  case Stmt::CXXTypeidExprClass:
  case Stmt::StringLiteralClass:
  case Stmt::PredefinedExprClass:
  case Stmt::IntegerLiteralClass:
  case Stmt::FloatingLiteralClass:
  case Stmt::CharacterLiteralClass:
  case Stmt::CXXBoolLiteralExprClass:
  case Stmt::CXXNullPtrLiteralExprClass:
  case Stmt::GNUNullExprClass:
  case Stmt::TypeTraitExprClass:
  case Stmt::SizeOfPackExprClass:
  case Stmt::CXXScalarValueInitExprClass:
  case Stmt::ImplicitValueInitExprClass:
  case Stmt::AddrLabelExprClass:
  case Stmt::ArrayInitIndexExprClass:
  case Stmt::RequiresExprClass:
  case Stmt::ConceptSpecializationExprClass:
    return;
  default:
    break;
  }
  // Anything else: evaluate the operands for their own flows.
  for (const Stmt *Child : E->children())
    if (const auto *CE = dyn_cast_or_null<Expr>(Child))
      discard(CE);
}

const CXXCatchStmt *Lowerer::localHandler(QualType Thrown) {
  QualType T = Thrown.getCanonicalType().getUnqualifiedType();
  for (auto It = TryStack.rbegin(); It != TryStack.rend(); ++It) {
    const CXXTryStmt *TS = *It;
    for (unsigned I = 0; I < TS->getNumHandlers(); ++I) {
      const CXXCatchStmt *H = TS->getHandler(I);
      QualType C = H->getCaughtType();
      if (C.isNull())
        return H; // catch (...)
      C = C.getNonReferenceType().getCanonicalType().getUnqualifiedType();
      if (C == T)
        return H;
      // A pointer is caught by a handler for a more qualified pointee.
      if (C->isPointerType() && T->isPointerType() &&
          C->getPointeeType().getUnqualifiedType() ==
              T->getPointeeType().getUnqualifiedType())
        return H;
    }
  }
  return nullptr;
}

void Lowerer::declRef(const Hole &K, const DeclRefExpr *DRE) {
  const ValueDecl *D = DRE->getDecl();
  if (const auto *BD = dyn_cast<BindingDecl>(D)) {
    if (const VarDecl *Holding = BD->getHoldingVar()) {
      LocId L = localVar(Holding);
      flow(K.deref().note(note(DRE, "structured binding")), L);
      return;
    }
    expr(K.note(note(DRE, "structured binding")), BD->getBinding());
    return;
  }
  const auto *VD = dyn_cast<VarDecl>(D);
  if (!VD)
    return;
  if (!VD->hasLocalStorage()) {
    // Globals, statics and thread_locals live forever; what is read from
    // them is memory of unknown, long lifetime.
    flow(K, externalLoc());
    return;
  }
  LocId L = localVar(VD);
  if (VD->getType()->isReferenceType()) {
    flow(K.deref(), L); // a reference variable holds the referent's address
    return;
  }
  if (K.blank())
    return;
  Hole RK = K;
  if (K.Derefs >= 0) {
    // A read of the variable's value: remember which, for reaching stores.
    uint32_t &Id = fn().Reads[DRE];
    if (!Id)
      Id = G.newRead(fn().Id);
    RK.Read = Id;
  }
  flow(RK, L);
}

void Lowerer::unary(const Hole &K, const UnaryOperator *UO) {
  const Expr *Sub = UO->getSubExpr();
  switch (UO->getOpcode()) {
  case UO_AddrOf:
    expr(K.addr().note(note(UO, "address-of")), Sub);
    return;
  case UO_Deref:
    expr(K.deref().note(note(UO, "indirection")), Sub);
    return;
  case UO_PostInc:
  case UO_PostDec:
  case UO_PreInc:
  case UO_PreDec:
  case UO_Extension:
    // p++ keeps pointing into the same object.
    expr(K, Sub);
    return;
  default:
    discard(Sub);
    return;
  }
}

void Lowerer::binary(const Hole &K, const BinaryOperator *BO) {
  const Expr *L = BO->getLHS(), *R = BO->getRHS();
  switch (BO->getOpcode()) {
  case BO_Assign:
    assign(L, R, BO);
    if (!K.blank())
      expr(K, L);
    return;
  case BO_Comma:
    discard(L);
    expr(K, R);
    return;
  case BO_Add:
  case BO_Sub:
  case BO_AddAssign:
  case BO_SubAssign:
    // Pointer arithmetic stays within the pointed-to object.
    if (L->getType()->isPointerType() && !R->getType()->isPointerType()) {
      expr(K, L);
      discard(R);
      return;
    }
    if (R->getType()->isPointerType() && !L->getType()->isPointerType()) {
      discard(L);
      expr(K, R);
      return;
    }
    discard(L);
    discard(R);
    return;
  case BO_PtrMemD:
    expr(K, L);
    discard(R);
    return;
  case BO_PtrMemI:
    expr(K.deref(), L);
    discard(R);
    return;
  default:
    discard(L);
    discard(R);
    return;
  }
}

void Lowerer::cast(const Hole &K, const CastExpr *CE) {
  const Expr *Sub = CE->getSubExpr();
  switch (CE->getCastKind()) {
  case CK_ArrayToPointerDecay:
    expr(K.addr().note(note(CE, "array decay")), Sub);
    return;
  case CK_ToVoid:
  case CK_NullToPointer:
  case CK_NullToMemberPointer:
  case CK_FunctionToPointerDecay:
  case CK_BuiltinFnToFnPtr:
  case CK_IntegralToBoolean:
  case CK_PointerToBoolean:
  case CK_MemberPointerToBoolean:
  case CK_IntegralCast:
  case CK_IntegralToFloating:
  case CK_FloatingToIntegral:
  case CK_FloatingCast:
  case CK_FloatingToBoolean:
    discard(Sub);
    return;
  default:
    // Value-preserving conversions: the pointer passes through.
    expr(K, Sub);
    return;
  }
}

void Lowerer::initList(const Hole &K, const InitListExpr *ILE) {
  if (ILE->isTransparent() && ILE->getNumInits() == 1) {
    expr(K, ILE->getInit(0));
    return;
  }
  QualType T = ILE->getType();
  unsigned Idx = 0;
  if (const auto *RD = T->getAsCXXRecordDecl();
      RD && !T->isUnionType() && RD->hasDefinition()) {
    for (unsigned B = 0; B < RD->getNumBases() && Idx < ILE->getNumInits();
         ++B)
      expr(K.note(note(ILE, "struct literal element")), ILE->getInit(Idx++));
    for (const FieldDecl *FD : RD->fields()) {
      if (Idx >= ILE->getNumInits())
        break;
      if (FD->isUnnamedBitField())
        continue;
      Hole FK = K.note(note(ILE, "struct literal element"));
      // A reference member binds to its initializer: it holds its address,
      // in that field as a pointer member would.
      if (FD->getType()->isReferenceType())
        FK = FK.addr();
      if (!FK.FieldW)
        FK.FieldW = fieldId(FD);
      expr(FK, ILE->getInit(Idx++));
    }
  }
  bool IsArray = T->isArrayType();
  for (; Idx < ILE->getNumInits(); ++Idx) {
    Hole EK = K.note(note(ILE, "array literal element"));
    if (IsArray && !EK.FieldW)
      EK.FieldW = fieldId("i" + std::to_string(Idx));
    expr(EK, ILE->getInit(Idx));
  }
  if (const Expr *Filler = ILE->getArrayFiller())
    expr(K, Filler);
}

void Lowerer::parenList(const Hole &K, const CXXParenListInitExpr *PLE) {
  QualType T = PLE->getType();
  llvm::ArrayRef<Expr *> Inits = PLE->getInitExprs();
  unsigned Idx = 0;
  if (const auto *RD = T->getAsCXXRecordDecl(); RD && RD->hasDefinition()) {
    for (unsigned B = 0; B < RD->getNumBases() && Idx < Inits.size(); ++B)
      expr(K, Inits[Idx++]);
    for (const FieldDecl *FD : RD->fields()) {
      if (Idx >= Inits.size())
        break;
      if (FD->isUnnamedBitField())
        continue;
      expr(FD->getType()->isReferenceType() ? K.addr() : K, Inits[Idx++]);
    }
  }
  for (; Idx < Inits.size(); ++Idx)
    expr(K, Inits[Idx]);
}

void Lowerer::materialize(const Hole &K, const MaterializeTemporaryExpr *MTE) {
  const Expr *Sub = MTE->getSubExpr();
  if (K.blank()) {
    discard(Sub);
    return;
  }
  ScopeId S = NoScope;
  const ValueDecl *Ext = MTE->getExtendingDecl();
  if (const auto *VD = dyn_cast_or_null<VarDecl>(Ext)) {
    if (!VD->hasLocalStorage()) {
      // Extended by a static reference: static storage duration.
      discard(Sub);
      flow(K, externalLoc());
      return;
    }
    auto It = VarLocs.find(VD);
    if (It != VarLocs.end())
      S = G.loc(It->second).Scope;
  }
  bool Extended = S != NoScope;
  if (!Extended)
    S = fullExprScope();
  std::string Name = "temporary '" +
                     MTE->getType().getUnqualifiedType().getAsString(
                         Ctx.getPrintingPolicy()) +
                     "'";
  if (Extended)
    Name += " bound to '" + Ext->getNameAsString() + "'";
  LocId T = newLoc(LocKind::Temporary, Name, pos(MTE->getBeginLoc()), S);
  G.loc(T).Extended = Extended;
  if (Extended) {
    if (const auto *VD = dyn_cast<VarDecl>(Ext))
      fn().Extended.push_back({T, VD});
  } else {
    fn().Temps.push_back({T, CurFullExpr});
  }
  expr(holeOf(T), Sub);
  flow(K.note(note(MTE, "temporary")), T);
}

} // namespace cxxescape
