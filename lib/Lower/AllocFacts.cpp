//===- AllocFacts.cpp - What a heap allocation's site tells ---------------===//
//
// Whether a heap object could live on the stack takes two answers. The
// solver says whether the object escapes. Lowering says what the solver
// cannot know: how large the object is, and whether the program frees it
// where a stack object would die anyway.
//   * `new T` stored in a local pointer: does every path from the
//     allocation to the function's exits delete that pointer (CFG)?
//   * std::make_unique / std::make_shared / a std::vector of constant size
//     that initialises a local owner: the owned object becomes an allocation
//     site whose address the owner holds, so the solver follows it through
//     the owner's copies. Whether the owner keeps the object to its own end
//     of life (never moved out, released, reset or grown) is read from the
//     owner's uses (OwnerUses.cpp).
//
//===----------------------------------------------------------------------===//

#include "Lowerer.h"

#include "clang/AST/ExprCXX.h"
#include "clang/Analysis/CFG.h"

#include <set>

using namespace clang;

namespace cxxescape {

namespace {

/// Limits the work on huge functions; beyond it the facts stay unknown.
constexpr size_t StepBudget = 200000;

} // namespace

const Expr *stripInit(const Expr *E) {
  for (;;) {
    const Expr *Next = E->IgnoreParenImpCasts();
    if (const auto *EWC = dyn_cast<ExprWithCleanups>(Next))
      Next = EWC->getSubExpr();
    else if (const auto *BT = dyn_cast<CXXBindTemporaryExpr>(Next))
      Next = BT->getSubExpr();
    else if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(Next))
      Next = MT->getSubExpr();
    if (Next == E)
      return E;
    E = Next;
  }
}

namespace {

std::optional<uint64_t> sizeOf(const ASTContext &Ctx, QualType T) {
  if (T.isNull() || T->isDependentType() || T->isIncompleteType() ||
      !T->isConstantSizeType())
    return std::nullopt;
  return static_cast<uint64_t>(Ctx.getTypeSizeInChars(T).getQuantity());
}

/// The std class template an owner's type instantiates ("unique_ptr"),
/// with its template arguments.
const ClassTemplateSpecializationDecl *stdSpecialization(QualType T,
                                                         StringRef Name) {
  const auto *RD = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getNonReferenceType()->getAsCXXRecordDecl());
  if (!RD || !RD->isInStdNamespace() || !RD->getIdentifier() ||
      RD->getName() != Name)
    return nullptr;
  return RD;
}

/// Whether template argument I of RD is std::Name<...>.
bool stdArgument(const ClassTemplateSpecializationDecl *RD, unsigned I,
                 StringRef Name) {
  const TemplateArgumentList &Args = RD->getTemplateArgs();
  return I < Args.size() && Args[I].getKind() == TemplateArgument::Type &&
         stdSpecialization(Args[I].getAsType(), Name);
}

bool isDeclRefTo(const Expr *E, const VarDecl *VD) {
  const auto *DRE =
      dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenImpCasts() : nullptr);
  return DRE && DRE->getDecl() == VD;
}

/// Whether T derives from std::enable_shared_from_this: its members can make
/// new owners of the object from `this`, in library code no model follows.
bool sharesItself(QualType T) {
  const CXXRecordDecl *RD = T.isNull() ? nullptr : T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return false;
  return !RD->forallBases([](const CXXRecordDecl *B) {
    return !(B->isInStdNamespace() && B->getIdentifier() &&
             B->getName() == "enable_shared_from_this");
  });
}

//===----------------------------------------------------------------------===//
// Deletes on every path (CFG)
//===----------------------------------------------------------------------===//

/// Whether every use of the holder is a plain read of its value, a plain
/// assignment to it, or its declaration: then the CFG's statements on the
/// holder say everything that happens to it.
bool plainHolder(const Stmt *S, const VarDecl *VD, const Stmt *Parent) {
  if (!S)
    return true;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S); DRE && DRE->getDecl() == VD) {
    if (const auto *IC = dyn_cast_or_null<ImplicitCastExpr>(Parent))
      return IC->getCastKind() == CK_LValueToRValue;
    if (const auto *BO = dyn_cast_or_null<BinaryOperator>(Parent))
      return BO->getOpcode() == BO_Assign && BO->getLHS() == DRE;
    return false;
  }
  for (const Stmt *Child : S->children())
    if (!plainHolder(Child, VD, S))
      return false;
  return true;
}

bool assignsHolder(const Stmt *S, const VarDecl *VD) {
  if (const auto *BO = dyn_cast<BinaryOperator>(S))
    return BO->getOpcode() == BO_Assign && isDeclRefTo(BO->getLHS(), VD);
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    for (const Decl *D : DS->decls())
      if (D == VD)
        return true;
  return false;
}

/// For `if (p)`, `if (!p)`, `if (p == nullptr)`, `if (p != nullptr)` on
/// the holder: the successor taken when it is null, which a plain `new`
/// never returns (`if (p) delete p;` deletes on every path). -1 otherwise.
int nullSuccessor(const ASTContext &Ctx, const CFGBlock *B, const VarDecl *VD) {
  if (!isa_and_nonnull<IfStmt>(B->getTerminatorStmt()) || B->succ_size() != 2)
    return -1;
  const auto *Cond = dyn_cast_or_null<Expr>(B->getTerminatorCondition());
  if (!Cond)
    return -1;
  Cond = Cond->IgnoreParenImpCasts();
  if (isDeclRefTo(Cond, VD))
    return 1; // if (p): null takes the else branch
  if (const auto *UO = dyn_cast<UnaryOperator>(Cond);
      UO && UO->getOpcode() == UO_LNot && isDeclRefTo(UO->getSubExpr(), VD))
    return 0;
  const auto *BO = dyn_cast<BinaryOperator>(Cond);
  if (!BO || (BO->getOpcode() != BO_EQ && BO->getOpcode() != BO_NE))
    return -1;
  auto IsNull = [&](const Expr *E) {
    return E->isNullPointerConstant(const_cast<ASTContext &>(Ctx),
                                    Expr::NPC_ValueDependentIsNotNull) !=
           Expr::NPCK_NotNull;
  };
  bool Compares = (isDeclRefTo(BO->getLHS(), VD) && IsNull(BO->getRHS())) ||
                  (isDeclRefTo(BO->getRHS(), VD) && IsNull(BO->getLHS()));
  if (!Compares)
    return -1;
  return BO->getOpcode() == BO_EQ ? 0 : 1;
}

struct PathResult {
  bool Analysed = false;
  bool AllPathsDelete = true;
  bool SomeDelete = false;
};

PathResult deletesOnEveryPath(const ASTContext &Ctx, const CFG &Cfg,
                              const PendingAlloc &PA) {
  PathResult R;
  const VarDecl *VD = PA.Holder;
  bool Array = PA.New->isArray();
  // Where the pointer is stored.
  const CFGBlock *StartBlock = nullptr;
  unsigned StartIndex = 0;
  for (const CFGBlock *B : Cfg) {
    for (unsigned I = 0; I < B->size(); ++I) {
      auto CS = (*B)[I].getAs<CFGStmt>();
      if (!CS)
        continue;
      const Stmt *S = CS->getStmt();
      bool IsAnchor = S == PA.Anchor;
      if (const auto *DS = dyn_cast<DeclStmt>(S);
          DS && isa<DeclStmt>(PA.Anchor) && DS->isSingleDecl() &&
          DS->getSingleDecl() == VD)
        IsAnchor = true;
      if (IsAnchor) {
        StartBlock = B;
        StartIndex = I + 1;
      }
    }
  }
  if (!StartBlock)
    return R;
  size_t Steps = 0;
  std::set<const CFGBlock *> Entered;
  std::vector<std::pair<const CFGBlock *, unsigned>> Work{
      {StartBlock, StartIndex}};
  while (!Work.empty()) {
    auto [B, From] = Work.back();
    Work.pop_back();
    bool Stopped = false;
    for (unsigned I = From; I < B->size() && !Stopped; ++I) {
      if (++Steps > StepBudget)
        return R;
      const CFGElement &E = (*B)[I];
      if (auto LE = E.getAs<CFGLifetimeEnds>()) {
        if (LE->getVarDecl() == VD) {
          R.AllPathsDelete = false; // the holder dies first
          Stopped = true;
        }
        continue;
      }
      auto CS = E.getAs<CFGStmt>();
      if (!CS)
        continue;
      const Stmt *S = CS->getStmt();
      if (const auto *DE = dyn_cast<CXXDeleteExpr>(S);
          DE && isDeclRefTo(DE->getArgument(), VD)) {
        if (DE->isArrayForm() != Array)
          return R; // undefined behaviour: say nothing
        R.SomeDelete = true;
        Stopped = true;
        continue;
      }
      if (assignsHolder(S, VD)) {
        R.AllPathsDelete = false; // the pointer is lost first
        Stopped = true;
      }
    }
    if (Stopped)
      continue;
    if (B == &Cfg.getExit() || B->succ_empty()) {
      R.AllPathsDelete = false;
      continue;
    }
    int Null = nullSuccessor(Ctx, B, VD);
    int Index = -1;
    for (const CFGBlock::AdjacentBlock &Succ : B->succs()) {
      ++Index;
      if (const CFGBlock *SB = Succ.getReachableBlock();
          SB && Index != Null && Entered.insert(SB).second)
        Work.push_back({SB, 0});
    }
  }
  R.Analysed = true;
  return R;
}

} // namespace

void Lowerer::noteAllocHolder(const VarDecl *VD, const Expr *Init,
                              const Stmt *Anchor) {
  if (!VD || !Init || !VD->hasLocalStorage() || FnStack.empty() || !fn().Decl)
    return;
  AllocHolders[stripInit(Init)] = {VD, Anchor};
}

void Lowerer::newAllocFacts(LocId A, const CXXNewExpr *NE) {
  // A class's own operator new, placement or nothrow forms are not a plain
  // heap allocation that a stack object could replace, or that only a
  // delete could free: they get no facts.
  const FunctionDecl *OpNew = NE->getOperatorNew();
  if (NE->getNumPlacementArgs() != 0 || !OpNew ||
      !OpNew->isReplaceableGlobalAllocationFunction())
    return;
  AllocFacts &F = G.loc(A).Alloc.mut();
  F.Form = NE->isArray() ? AllocForm::NewArray : AllocForm::New;
  QualType T = NE->getAllocatedType();
  F.Type = T.getAsString(Ctx.getPrintingPolicy());
  std::optional<uint64_t> Size = sizeOf(Ctx, T);
  if (Size) {
    if (!NE->isArray()) {
      F.SizeKnown = true;
      F.Bytes = *Size;
    } else if (auto N = NE->getArraySize();
               N && *N && !(*N)->isValueDependent()) {
      if (auto C = (*N)->getIntegerConstantExpr(Ctx);
          C && C->isNonNegative() && C->getActiveBits() < 32) {
        F.SizeKnown = true;
        F.Bytes = *Size * C->getZExtValue();
        F.Type += "[" + std::to_string(C->getZExtValue()) + "]";
      }
    }
  }
  auto It = AllocHolders.find(NE);
  if (It == AllocHolders.end() || FnStack.empty() || !fn().Decl)
    return;
  const VarDecl *VD = It->second.first;
  if (!VD->getType()->isPointerType() || !It->second.second)
    return;
  F.Holder = VD->getNameAsString();
  fn().Allocs.push_back({A, NE, VD, It->second.second});
}

void Lowerer::ownerAlloc(const Hole &K, const Expr *E) {
  if (K.blank() || FnStack.empty() || !fn().Decl)
    return;
  auto It = AllocHolders.find(E);
  if (It == AllocHolders.end())
    return;
  const VarDecl *VD = It->second.first;
  QualType OwnerType = VD->getType();
  AllocFacts F;
  std::string Name;
  QualType SharedType;
  if (const auto *CE = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = CE->getDirectCallee();
    if (!Callee || !Callee->isInStdNamespace() || !Callee->getIdentifier())
      return;
    StringRef N = Callee->getName();
    const TemplateArgumentList *TA = Callee->getTemplateSpecializationArgs();
    if ((N != "make_unique" && N != "make_shared") || !TA || TA->size() < 1 ||
        TA->get(0).getKind() != TemplateArgument::Type ||
        !Ctx.hasSameUnqualifiedType(OwnerType, CE->getType()))
      return;
    QualType T = TA->get(0).getAsType();
    if (T->isArrayType())
      return; // make_unique<T[]>(n): a size the types do not tell
    bool Unique = N == "make_unique";
    const auto *Spec =
        stdSpecialization(OwnerType, Unique ? "unique_ptr" : "shared_ptr");
    if (!Spec || (Unique && !stdArgument(Spec, 1, "default_delete")))
      return;
    F.Form = Unique ? AllocForm::MakeUnique : AllocForm::MakeShared;
    SharedType = T;
    F.Type = T.getAsString(Ctx.getPrintingPolicy());
    if (auto S = sizeOf(Ctx, T)) {
      F.SizeKnown = true;
      F.Bytes = *S;
    }
    Name = "new " + F.Type; // Go's new(T)
  } else if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    const auto *Spec = stdSpecialization(CE->getType(), "vector");
    const CXXConstructorDecl *Ctor = CE->getConstructor();
    if (!Spec || !Ctor || Ctor->isCopyOrMoveConstructor() ||
        CE->getNumArgs() == 0 || !stdArgument(Spec, 1, "allocator") ||
        !Ctx.hasSameUnqualifiedType(OwnerType, CE->getType()))
      return;
    QualType Elem = Spec->getTemplateArgs()[0].getAsType();
    // vector(n), vector(n, value) or vector{a, b, c}; an allocator passed
    // in makes it another kind of allocation.
    std::optional<uint64_t> Count;
    const Expr *First = CE->getArg(0);
    if (const auto *IL =
            dyn_cast<CXXStdInitializerListExpr>(stripInit(First))) {
      if (const auto *AT =
              Ctx.getAsConstantArrayType(IL->getSubExpr()->getType()))
        Count = AT->getSize().getZExtValue();
    } else if (First->getType()->isIntegerType() &&
               !First->isValueDependent()) {
      if (auto C = First->getIntegerConstantExpr(Ctx);
          C && C->isNonNegative() && C->getActiveBits() < 32)
        Count = C->getZExtValue();
    }
    if (!Count || *Count == 0)
      return;
    for (unsigned A = 1; A < CE->getNumArgs(); ++A)
      if (A < Ctor->getNumParams() &&
          stdSpecialization(Ctor->getParamDecl(A)->getType(), "allocator") &&
          !isa<CXXDefaultArgExpr>(CE->getArg(A)))
        return;
    F.Form = AllocForm::Vector;
    std::string ElemName = Elem.getAsString(Ctx.getPrintingPolicy());
    F.Type = ElemName + "[" + std::to_string(*Count) + "]";
    if (auto S = sizeOf(Ctx, Elem)) {
      F.SizeKnown = true;
      F.Bytes = *S * *Count;
    }
    // Go's constant-size slice: make([]T, N).
    Name = "make([]" + ElemName + ", " + std::to_string(*Count) + ")";
  } else {
    return;
  }
  F.Holder = VD->getNameAsString();
  F.OwnerChange = ownerChange(Ctx, VD, F.Form, fn().Decl->getBody());
  if (F.Form == AllocForm::MakeShared && F.OwnerChange.empty() &&
      sharesItself(SharedType))
    F.OwnerChange = "'" + F.Type +
                    "' can hand out owners of itself "
                    "(std::enable_shared_from_this)";
  F.OwnerKeeps = F.OwnerChange.empty();
  LocId A = newLoc(LocKind::Alloc, Name, pos(E->getBeginLoc()), CurScope);
  G.loc(A).Alloc = std::move(F);
  Hole H = K.addr().note(note(E, "spill"));
  H.Flags |= EdgeOwnedAlloc;
  flow(H, A);
}

void analyzeAllocFacts(Lowerer &L, const FunctionDecl *FD, const Stmt *Body) {
  std::vector<PendingAlloc> &Allocs = L.fn().Allocs;
  if (Allocs.empty())
    return;
  CFG::BuildOptions BO;
  BO.AddLifetime = true;
  BO.setAllAlwaysAdd();
  std::unique_ptr<CFG> Cfg =
      CFG::buildCFG(FD, const_cast<Stmt *>(Body), &L.Ctx, BO);
  if (!Cfg)
    return; // the facts stay unknown
  for (const PendingAlloc &PA : Allocs) {
    AllocFacts &F = L.G.loc(PA.Alloc).Alloc.mut();
    if (!plainHolder(Body, PA.Holder, nullptr))
      continue;
    PathResult R = deletesOnEveryPath(L.Ctx, *Cfg, PA);
    if (!R.Analysed)
      continue;
    F.Freed = R.AllPathsDelete ? FreeFacts::EveryPath
              : R.SomeDelete   ? FreeFacts::SomePaths
                               : FreeFacts::Never;
  }
}

} // namespace cxxescape
