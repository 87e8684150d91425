//===- AllocFacts.cpp - What a heap allocation's site tells -----------------===//
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
//     owner's uses.
//
//===----------------------------------------------------------------------===//

#include "Lowerer.h"

#include "clang/AST/ExprCXX.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/Builtins.h"
#include "clang/Basic/SourceManager.h"

#include <set>

using namespace clang;

namespace cxxescape {

namespace {

/// Limits the work on huge functions; beyond it the facts stay unknown.
constexpr size_t StepBudget = 200000;

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
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenImpCasts()
                                                    : nullptr);
  return DRE && DRE->getDecl() == VD;
}

//===----------------------------------------------------------------------===//
// The owner's uses
//===----------------------------------------------------------------------===//

/// Reads every use of a local owner and says whether it keeps its object
/// to the end of its own life. Copies are allowed where the solver follows
/// them (a shared_ptr's copies, a vector's copies); anything this does not
/// know is a change, so that no object is called stack-worthy on a guess.
class OwnerUses {
public:
  OwnerUses(const ASTContext &Ctx, const VarDecl *VD, AllocForm Form)
      : Ctx(Ctx), VD(VD), Form(Form) {}

  /// Empty if the owner keeps its object, else the first reason it may not.
  std::string run(const Stmt *Body) {
    walk(Body);
    return Change;
  }

private:
  void walk(const Stmt *S) {
    if (!S || !Change.empty())
      return;
    if (const auto *FR = dyn_cast<CXXForRangeStmt>(S))
      RangeStmts.insert(FR->getRangeStmt());
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S); DRE && DRE->getDecl() == VD)
      use();
    Stack.push_back(S);
    for (const Stmt *Child : S->children())
      walk(Child);
    Stack.pop_back();
  }

  /// The nearest ancestor above Stack[I] that is not a paren or implicit
  /// conversion; Child is the node right below it.
  const Stmt *parent(size_t &I, const Stmt *&Child) const {
    while (I > 0) {
      const Stmt *P = Stack[I - 1];
      --I;
      if (isa<ParenExpr>(P) || isa<ImplicitCastExpr>(P) ||
          isa<MaterializeTemporaryExpr>(P) || isa<CXXBindTemporaryExpr>(P) ||
          isa<ExprWithCleanups>(P)) {
        Child = P;
        continue;
      }
      return P;
    }
    return nullptr;
  }

  void fail(std::string Why) {
    if (Change.empty())
      Change = std::move(Why);
  }

  bool isUnique() const { return Form == AllocForm::MakeUnique; }
  bool isVector() const { return Form == AllocForm::Vector; }

  void use();
  void memberCall(const CXXMethodDecl *MD);
  void argument(const FunctionDecl *Callee, unsigned ArgIndex);
  void copied(const CXXConstructorDecl *Ctor);
  void moved(size_t I, const Stmt *MoveCall);

  const ASTContext &Ctx;
  const VarDecl *VD;
  AllocForm Form;
  std::vector<const Stmt *> Stack;
  std::set<const Stmt *> RangeStmts;
  std::string Change;
};

bool isHarmlessMethod(StringRef N) {
  static const char *const Names[] = {
      "get",    "size",   "empty",   "at",         "front",     "back",
      "data",   "begin",  "end",     "cbegin",     "cend",      "rbegin",
      "rend",   "crbegin", "crend",  "capacity",   "max_size",  "use_count",
      "owner_before", "get_deleter", "get_allocator", "operator bool"};
  for (const char *H : Names)
    if (N == H)
      return true;
  return false;
}

bool isGrowingMethod(StringRef N) {
  static const char *const Names[] = {
      "push_back", "emplace_back", "insert",       "emplace",
      "resize",    "reserve",      "assign",       "append_range",
      "insert_range", "assign_range", "swap"};
  for (const char *H : Names)
    if (N == H)
      return true;
  return false;
}

void OwnerUses::memberCall(const CXXMethodDecl *MD) {
  std::string Name = isa<CXXConversionDecl>(MD)
                         ? std::string("operator bool")
                         : MD->getNameAsString();
  if (isHarmlessMethod(Name))
    return;
  if (Name == "release")
    return fail("its object is released ('release')");
  if (isVector() && isGrowingMethod(Name))
    return fail("it may grow ('" + Name + "')");
  fail("it is changed ('" + Name + "')");
}

void OwnerUses::argument(const FunctionDecl *Callee, unsigned ArgIndex) {
  if (!Callee)
    return fail("it is passed to an unknown function");
  // Even a const reference lets the callee copy the owner (a shared_ptr's
  // count, a vector's elements): only code the solver reads, through its
  // summary, may have one. A constructor keeps what it copies in an object
  // no use of this owner names (weak_ptr, shared_ptr<Base>), and library
  // code is seen only through models.
  const SourceManager &SM = Ctx.getSourceManager();
  if (isa<CXXConstructorDecl>(Callee) ||
      SM.isInSystemHeader(SM.getFileLoc(Callee->getLocation())))
    return fail("it is passed to '" + Callee->getNameAsString() + "'");
  unsigned Param = ArgIndex;
  if (isa<CXXMethodDecl>(Callee) && !isa<CXXConstructorDecl>(Callee) &&
      !cast<CXXMethodDecl>(Callee)->isStatic() && Param > 0)
    --Param; // an operator's object argument
  if (Param < Callee->getNumParams()) {
    QualType T = Callee->getParamDecl(Param)->getType();
    if (T->isLValueReferenceType() &&
        T.getNonReferenceType().isConstQualified())
      return; // a const reference: the callee can read, not take
  }
  fail("it is passed by reference to '" + Callee->getNameAsString() + "'");
}

void OwnerUses::copied(const CXXConstructorDecl *Ctor) {
  if (Ctor->isCopyConstructor()) {
    if (isUnique())
      fail("it is copied");
    return; // the solver follows the copy
  }
  if (Ctor->isMoveConstructor()) {
    if (Form != AllocForm::MakeShared)
      fail("it is moved out");
    return;
  }
  fail("it is converted to '" + Ctor->getParent()->getNameAsString() + "'");
}

void OwnerUses::moved(size_t I, const Stmt *MoveCall) {
  const Stmt *Child = MoveCall;
  const Stmt *P = parent(I, Child);
  if (Form == AllocForm::MakeShared) {
    if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(P);
        CE && CE->getConstructor()->isMoveConstructor())
      return;
    if (const auto *OC = dyn_cast_or_null<CXXOperatorCallExpr>(P);
        OC && OC->getOperator() == OO_Equal)
      return;
  }
  fail("it is moved out");
}

void OwnerUses::use() {
  size_t I = Stack.size();
  const Stmt *Child = nullptr;
  const Stmt *P = parent(I, Child);
  if (!P)
    return fail("it is used where the analysis does not follow it");
  if (const auto *ME = dyn_cast<MemberExpr>(P)) {
    const Stmt *MC = ME;
    const Stmt *Call = parent(I, MC);
    const auto *MCE = dyn_cast_or_null<CXXMemberCallExpr>(Call);
    const auto *MD =
        MCE ? dyn_cast_or_null<CXXMethodDecl>(MCE->getMethodDecl()) : nullptr;
    if (!MD)
      return fail("it is used where the analysis does not follow it");
    return memberCall(MD);
  }
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(P)) {
    OverloadedOperatorKind Op = OC->getOperator();
    bool IsObject = OC->getNumArgs() > 0 &&
                    isDeclRefTo(cast<Expr>(OC->getArg(0)), VD);
    switch (Op) {
    case OO_Star:
    case OO_Arrow:
    case OO_Subscript:
      if (IsObject)
        return;
      break;
    case OO_EqualEqual:
    case OO_ExclaimEqual:
    case OO_Less:
    case OO_Greater:
    case OO_LessEqual:
    case OO_GreaterEqual:
    case OO_Spaceship:
      return;
    case OO_Equal:
      if (IsObject)
        return fail("it is reassigned");
      // Copied into another owner: the solver follows the copy.
      if (!isUnique())
        return;
      return fail("it is copied");
    default:
      break;
    }
    for (unsigned A = 0; A < OC->getNumArgs(); ++A)
      if (isDeclRefTo(OC->getArg(A), VD))
        return argument(OC->getDirectCallee(), A);
    return fail("it is used where the analysis does not follow it");
  }
  if (const auto *CE = dyn_cast<CallExpr>(P)) {
    unsigned B = CE->getBuiltinCallee();
    if (B == Builtin::BImove || B == Builtin::BIforward ||
        B == Builtin::BImove_if_noexcept)
      return moved(I, CE);
    if (B == Builtin::BIas_const)
      return fail("it is used where the analysis does not follow it");
    for (unsigned A = 0; A < CE->getNumArgs(); ++A)
      if (isDeclRefTo(CE->getArg(A), VD))
        return argument(CE->getDirectCallee(), A);
    return fail("it is used where the analysis does not follow it");
  }
  if (const auto *CE = dyn_cast<CXXConstructExpr>(P)) {
    const CXXConstructorDecl *Ctor = CE->getConstructor();
    if (Ctor && CE->getNumArgs() >= 1 && isDeclRefTo(CE->getArg(0), VD) &&
        (Ctor->isCopyOrMoveConstructor()))
      return copied(Ctor);
    for (unsigned A = 0; A < CE->getNumArgs(); ++A)
      if (isDeclRefTo(CE->getArg(A), VD))
        return Ctor ? argument(Ctor, A)
                    : fail("it is passed to an unknown constructor");
    return fail("it is used where the analysis does not follow it");
  }
  if (RangeStmts.count(P))
    return; // for (x : v) reads the elements
  if (isa<LambdaExpr>(P))
    return fail("it is captured by reference");
  if (const auto *UO = dyn_cast<UnaryOperator>(P);
      UO && UO->getOpcode() == UO_AddrOf)
    return fail("its address is taken");
  fail("it is used where the analysis does not follow it");
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

struct PathResult {
  bool Analysed = false;
  bool AllPathsDelete = true;
  bool SomeDelete = false;
};

PathResult deletesOnEveryPath(const CFG &Cfg, const PendingAlloc &PA) {
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
    for (const CFGBlock::AdjacentBlock &Succ : B->succs())
      if (const CFGBlock *SB = Succ.getReachableBlock())
        if (Entered.insert(SB).second)
          Work.push_back({SB, 0});
  }
  R.Analysed = true;
  return R;
}

} // namespace

void Lowerer::noteAllocHolder(const VarDecl *VD, const Expr *Init,
                              const Stmt *Anchor) {
  if (!VD || !Init || !VD->hasLocalStorage() || FnStack.empty() ||
      !fn().Decl)
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
  AllocFacts &F = G.loc(A).Alloc;
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
  F.OwnerChange = OwnerUses(Ctx, VD, F.Form).run(fn().Decl->getBody());
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
    AllocFacts &F = L.G.loc(PA.Alloc).Alloc;
    if (!plainHolder(Body, PA.Holder, nullptr))
      continue;
    PathResult R = deletesOnEveryPath(*Cfg, PA);
    if (!R.Analysed)
      continue;
    F.Freed = R.AllPathsDelete ? FreeFacts::EveryPath
              : R.SomeDelete   ? FreeFacts::SomePaths
                               : FreeFacts::Never;
  }
}

} // namespace cxxescape
