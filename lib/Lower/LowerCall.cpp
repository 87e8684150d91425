//===- LowerCall.cpp - Calls, constructions, new and lambdas --------------===//
//
// Calls into other functions are summarised by the interprocedural engine;
// here a call only evaluates its operands (its arguments go to a per-call
// sink that Go mode treats as the heap and bug mode leaves alone). What the
// language itself defines is modelled: assignment operators, copies and
// moves, std::move/forward/addressof, closures and type-erased callables.
//
//===----------------------------------------------------------------------===//

#include "Lowerer.h"

#include "clang/Basic/Builtins.h"

using namespace clang;

namespace cxxescape {

namespace {

/// Copy and move assignments copy the value, pointers inside included. A
/// converting assignment (string = "text") is a function like any other.
bool isCopyOrMoveAssignment(const FunctionDecl *FD) {
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD);
  return MD && (MD->isCopyAssignmentOperator() || MD->isMoveAssignmentOperator());
}

bool isCallableWrapper(const CXXRecordDecl *RD);

/// Assigning a callable to a std::function copies the closure into it.
bool isCallableAssignment(const FunctionDecl *FD) {
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD);
  return MD && MD->getOverloadedOperator() == OO_Equal &&
         isCallableWrapper(MD->getParent()) && MD->getNumParams() == 1 &&
         MD->getPrimaryTemplate() != nullptr;
}

/// Wrappers that own a copy of any callable: constructing one from a lambda
/// copies the closure (and its by-reference captures) into it.
bool isCallableWrapper(const CXXRecordDecl *RD) {
  if (!RD || !RD->getIdentifier())
    return false;
  if (!RD->isInStdNamespace())
    return false;
  StringRef N = RD->getName();
  return N == "function" || N == "move_only_function" ||
         N == "copyable_function" || N == "packaged_task";
}

} // namespace

void Lowerer::call(const Hole &K, const CallExpr *CE) {
  const FunctionDecl *Callee = CE->getDirectCallee();

  // Copy and move assignments of class types are assignments.
  if (isCopyOrMoveAssignment(Callee) || isCallableAssignment(Callee)) {
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(CE);
        OC && OC->getNumArgs() == 2) {
      assign(OC->getArg(0), OC->getArg(1), CE);
      if (!K.blank())
        expr(K, OC->getArg(0));
      return;
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE);
        MC && MC->getNumArgs() == 1) {
      assign(MC->getImplicitObjectArgument(), MC->getArg(0), CE);
      if (!K.blank())
        expr(K, MC->getImplicitObjectArgument());
      return;
    }
  }

  switch (CE->getBuiltinCallee()) {
  case Builtin::BImove:
  case Builtin::BImove_if_noexcept:
  case Builtin::BIforward:
  case Builtin::BIforward_like:
  case Builtin::BIas_const:
    if (CE->getNumArgs() == 1) {
      expr(K.note(note(CE, "identity")), CE->getArg(0));
      return;
    }
    break;
  case Builtin::BIaddressof:
  case Builtin::BI__addressof:
  case Builtin::BI__builtin_addressof:
    if (CE->getNumArgs() == 1) {
      expr(K.addr().note(note(CE, "address-of")), CE->getArg(0));
      return;
    }
    break;
  default:
    break;
  }

  CallSiteSpec Spec;
  Spec.Callee = Callee;
  Spec.Call = CE;
  Spec.Loc = CE->getBeginLoc();
  Spec.ReturnsRef = CE->isGLValue();
  llvm::SmallVector<const Expr *, 8> Args(CE->arguments());
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE)) {
    Spec.Receiver = MC->getImplicitObjectArgument();
    // p->f() and obj.f() without a qualifier dispatch dynamically.
    const auto *ME = dyn_cast<MemberExpr>(MC->getCallee()->IgnoreParens());
    const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Callee);
    Spec.Virtual = MD && MD->isVirtual() && ME && !ME->hasQualifier();
  } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(CE);
             OC && isa_and_nonnull<CXXMethodDecl>(Callee) &&
             !cast<CXXMethodDecl>(Callee)->isStatic() && !Args.empty()) {
    Spec.Receiver = Args.front();
    Args.erase(Args.begin());
    Spec.Virtual = cast<CXXMethodDecl>(Callee)->isVirtual();
  } else {
    // Calling through a pointer or a callable object: what it calls is
    // not known here.
    if (!Callee)
      discard(CE->getCallee());
  }
  if (Spec.Receiver) {
    Spec.ReceiverIsPointer = Spec.Receiver->getType()->isPointerType();
    // A lambda's body sees its captures directly; its object adds nothing.
    const CXXRecordDecl *RD =
        Spec.Receiver->getType()->getPointeeCXXRecordDecl()
            ? Spec.Receiver->getType()->getPointeeCXXRecordDecl()
            : Spec.Receiver->getType()->getAsCXXRecordDecl();
    if (RD && RD->isLambda()) {
      discard(Spec.Receiver);
      Spec.Receiver = nullptr;
    }
  }
  Spec.Args = Args;
  callSite(K, Spec);
  ownerAlloc(K, CE);
}

void Lowerer::construct(const Hole &K, const CXXConstructExpr *CE) {
  const CXXConstructorDecl *Ctor = CE->getConstructor();
  if (Ctor && (Ctor->isCopyOrMoveConstructor() || CE->isElidable()) &&
      CE->getNumArgs() >= 1) {
    // A copy or move copies the value (and the addresses inside it).
    expr(K.note(note(CE, "copy")), CE->getArg(0));
    for (unsigned I = 1; I < CE->getNumArgs(); ++I)
      discard(CE->getArg(I));
    return;
  }
  if (Ctor && isCallableWrapper(Ctor->getParent()) && CE->getNumArgs() == 1 &&
      !Ctor->isDefaultConstructor()) {
    expr(K.note(note(CE, "converted to a callable wrapper")), CE->getArg(0));
    return;
  }
  if (CE->getNumArgs() == 0 && (!Ctor || Ctor->isTrivial()))
    return;
  CallSiteSpec Spec;
  Spec.Callee = Ctor;
  Spec.Call = CE;
  Spec.Loc = CE->getBeginLoc();
  llvm::SmallVector<const Expr *, 8> Args(CE->arguments());
  Spec.Args = Args;
  Spec.ObjectHole = &K;
  callSite(Hole{}, Spec);
  ownerAlloc(K, CE);
}

void Lowerer::newExpr(const Hole &K, const CXXNewExpr *NE) {
  if (NE->getNumPlacementArgs() > 0 && NE->getOperatorNew() &&
      NE->getOperatorNew()->isReservedGlobalPlacementOperator()) {
    // new (buf) T: the result is buf.
    expr(K, NE->getPlacementArg(0));
    if (const Expr *Init = NE->getInitializer())
      discard(Init);
    return;
  }
  for (unsigned I = 0; I < NE->getNumPlacementArgs(); ++I)
    discard(NE->getPlacementArg(I));
  if (auto Size = NE->getArraySize())
    discard(*Size);
  std::string Name =
      "new " + NE->getAllocatedType().getAsString(Ctx.getPrintingPolicy());
  if (NE->isArray()) {
    // new T[8] or, for a size known at run time, new T[].
    std::optional<llvm::APSInt> N;
    if (auto Size = NE->getArraySize();
        Size && *Size && !(*Size)->isValueDependent())
      N = (*Size)->getIntegerConstantExpr(Ctx);
    Name +=
        N ? "[" + std::to_string(N->getExtValue()) + "]" : std::string("[]");
  }
  LocId A = newLoc(LocKind::Alloc, Name, pos(NE->getBeginLoc()), CurScope);
  newAllocFacts(A, NE);
  if (const Expr *Init = NE->getInitializer())
    expr(holeOf(A), Init);
  flow(K.addr().note(note(NE, "spill")), A);
}

void Lowerer::lambda(const Hole &K, const LambdaExpr *LE) {
  LocId C = newLoc(LocKind::Closure, "lambda", pos(LE->getBeginLoc()),
                   fullExprScope());
  Hole CK = holeOf(C);
  for (const LambdaCapture &Cap : LE->captures()) {
    Note N{pos(Cap.getLocation()), "captured by a closure", ""};
    if (Cap.capturesThis()) {
      Hole TK = CK.note(N);
      flow(Cap.getCaptureKind() == LCK_StarThis ? TK.deref() : TK, fn().This);
      continue;
    }
    if (!Cap.capturesVariable())
      continue;
    const auto *V = dyn_cast<VarDecl>(Cap.getCapturedVar());
    if (!V)
      continue;
    if (V->isInitCapture()) {
      LocId IV = localVar(V);
      G.loc(IV).Scope = G.loc(C).Scope;
      if (const Expr *Init = V->getInit()) {
        Hole IK = holeOf(IV).note(N);
        expr(V->getType()->isReferenceType() ? IK.addr() : IK, Init);
      }
      flow(CK.note(N), IV);
      continue;
    }
    if (!V->hasLocalStorage())
      continue;
    LocId L = localVar(V);
    bool IsRef = V->getType()->isReferenceType();
    Hole VK = CK.note(N);
    if (Cap.getCaptureKind() == LCK_ByRef) {
      // The closure keeps the variable's address (a reference's referent).
      flow(IsRef ? VK : VK.addr().note(Note{N.Where, "reference", ""}), L);
    } else {
      if (!hasPointers(V->getType().getNonReferenceType()))
        continue;
      flow(IsRef ? VK.deref() : VK, L);
    }
  }

  // The body is a function nested in this one (Go's closure).
  const CXXMethodDecl *Op = LE->getCallOperator();
  if (const FunctionTemplateDecl *FT = Op->getDescribedFunctionTemplate()) {
    for (const FunctionDecl *Spec : FT->specializations())
      if (Spec->hasBody())
        lowerFunction(Spec);
  } else if (Op->hasBody()) {
    lowerFunction(Op);
  }

  Hole Spill = K.addr().note(note(LE, "spill"));
  Spill.Flags |= EdgeValueSpill;
  flow(Spill, C);
}

} // namespace cxxescape
