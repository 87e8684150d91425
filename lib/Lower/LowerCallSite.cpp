//===- LowerCallSite.cpp - Calls whose effect the linker decides ----------===//
//
// A call into another function is lowered to a call site: a temp per
// argument slot holding what the callee receives, and a temp the result
// comes out of. Nothing flows between them yet. After linking, the callee's
// summary, a library model or the declaration's attributes add the edges
// (lib/Summary/Interprocedural.cpp), so a callee in another translation
// unit is seen exactly like one in this unit.
//
//===----------------------------------------------------------------------===//

#include "Lowerer.h"

#include "clang/AST/Attr.h"
#include "clang/AST/TypeLoc.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"

using namespace clang;

namespace cxxescape {

std::string usrOf(const Decl *D) {
  llvm::SmallString<128> Buf;
  if (clang::index::generateUSRForDecl(D, Buf))
    return "";
  return Buf.str().str();
}

std::string modelNameOf(const FunctionDecl *FD) {
  // Names of the enclosing namespaces and classes, without template
  // arguments and without inline namespaces (std::__cxx11, std::__1).
  std::vector<std::string> Parts;
  for (const DeclContext *DC = FD->getDeclContext(); DC;
       DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (NS->isInline())
        continue;
      Parts.push_back(NS->isAnonymousNamespace() ? "(anonymous)"
                                                 : NS->getNameAsString());
    } else if (const auto *RD = dyn_cast<RecordDecl>(DC)) {
      Parts.push_back(RD->getNameAsString());
    }
  }
  std::string Name;
  for (auto It = Parts.rbegin(); It != Parts.rend(); ++It)
    Name += *It + "::";
  std::string Own;
  if (const auto *Conv = dyn_cast<CXXConversionDecl>(FD)) {
    // "operator basic_string_view": the target type's name only.
    QualType T = Conv->getConversionType();
    if (const auto *RD = T->getAsRecordDecl())
      Own = "operator " + RD->getNameAsString();
    else
      Own = "operator " + T.getAsString();
  } else if (isa<CXXConstructorDecl>(FD) || isa<CXXDestructorDecl>(FD)) {
    Own = (isa<CXXDestructorDecl>(FD) ? "~" : "") +
          cast<CXXMethodDecl>(FD)->getParent()->getNameAsString();
  } else {
    Own = FD->getNameAsString();
  }
  return Name + Own;
}

namespace {

/// [[clang::lifetimebound]] on the function type: the implicit object.
bool thisIsLifetimeBound(const FunctionDecl *FD) {
  const TypeSourceInfo *TSI = FD->getTypeSourceInfo();
  if (!TSI)
    return false;
  for (TypeLoc TL = TSI->getTypeLoc(); !TL.isNull();) {
    if (auto ATL = TL.getAs<AttributedTypeLoc>()) {
      if (ATL.getAttrAs<LifetimeBoundAttr>())
        return true;
      TL = ATL.getModifiedLoc();
      continue;
    }
    if (auto MQL = TL.getAs<MacroQualifiedTypeLoc>()) {
      TL = MQL.getInnerLoc();
      continue;
    }
    break;
  }
  return false;
}

} // namespace

FunctionSummary declaredSummary(const FunctionDecl *FD,
                                std::vector<uint8_t> &NoEscape) {
  FunctionSummary S;
  NoEscape.assign(FD->getNumParams() + 1, 0);
  Leak ToResult;
  ToResult.Sink = LeakSink::Result;
  ToResult.Kind = "view";
  // Any redeclaration may carry the attribute.
  for (const FunctionDecl *R : FD->redecls()) {
    if (thisIsLifetimeBound(R))
      S.slot(ThisSlot).add(ToResult);
    for (unsigned I = 0; I < R->getNumParams(); ++I) {
      const ParmVarDecl *P = R->getParamDecl(I);
      if (P->hasAttr<LifetimeBoundAttr>())
        S.slot(I + 1).add(ToResult);
      if (P->hasAttr<NoEscapeAttr>())
        NoEscape[I + 1] = 1;
    }
  }
  return S;
}

/// The object an argument slot points to, as the caller wrote it: `v` for
/// v.f() and f(v) by reference, `x` for f(&x), `*p` for f(p).
std::string Lowerer::pointeeText(const Expr *E, bool IsAddress) {
  E = E->IgnoreParenImpCasts();
  if (isa<CXXThisExpr>(E))
    return "*this";
  if (IsAddress)
    return describe(E);
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_AddrOf)
    return describe(UO->getSubExpr());
  return "*" + describe(E);
}

/// The local variable an argument designates, if the callee receives its
/// address (`v` for v.f() and f(v) by reference, `x` for f(&x)).
static const VarDecl *localObject(const Expr *E, bool IsAddress) {
  E = E->IgnoreParenImpCasts();
  if (!IsAddress) {
    const auto *UO = dyn_cast<UnaryOperator>(E);
    if (!UO || UO->getOpcode() != UO_AddrOf)
      return nullptr;
    E = UO->getSubExpr()->IgnoreParenImpCasts();
  }
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!VD || !VD->hasLocalStorage() || VD->getType()->isReferenceType() ||
      isa<ParmVarDecl>(VD))
    return nullptr;
  return VD;
}

/// Whether an argument hands the callee the address of (part of) a local:
/// `&x`, `&x.f`, `&a[i]`, `x` by reference, a lambda capturing a local by
/// reference. A pointer variable holding one is not seen here.
static bool handsLocal(const Expr *E, bool IsAddress) {
  E = E->IgnoreParenImpCasts();
  if (const auto *LE = dyn_cast<LambdaExpr>(E)) {
    for (const LambdaCapture &C : LE->captures())
      if (C.capturesVariable() && C.getCaptureKind() == LCK_ByRef)
        return true;
    return false;
  }
  if (!IsAddress) {
    const auto *UO = dyn_cast<UnaryOperator>(E);
    if (!UO || UO->getOpcode() != UO_AddrOf)
      return false;
    E = UO->getSubExpr();
  }
  while (true) {
    E = E->IgnoreParenImpCasts();
    if (const auto *ME = dyn_cast<MemberExpr>(E); ME && !ME->isArrow())
      E = ME->getBase();
    else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E);
             AS && AS->getBase()->IgnoreParenImpCasts()->getType()->isArrayType())
      E = AS->getBase();
    else
      break;
  }
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return VD && VD->hasLocalStorage() && !VD->getType()->isReferenceType();
}

/// Names the object of a member call so that an insertion and a removal on
/// the same container can be paired: within the function for a local
/// container, across the program ("program:" + its spelling) for a global
/// or a member, which other functions (a destructor) may empty.
std::string Lowerer::receiverKey(const Expr *Receiver, bool IsPointer) {
  const Expr *Base = Receiver->IgnoreParenImpCasts();
  while (true) {
    if (const auto *ME = dyn_cast<MemberExpr>(Base))
      Base = ME->getBase()->IgnoreParenImpCasts();
    else if (const auto *UO = dyn_cast<UnaryOperator>(Base))
      Base = UO->getSubExpr()->IgnoreParenImpCasts();
    else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(Base))
      Base = AS->getBase()->IgnoreParenImpCasts();
    else
      break;
  }
  const auto *DRE = dyn_cast<DeclRefExpr>(Base);
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (VD && VD->hasLocalStorage())
    return (IsPointer ? "*" : "") + lvalueKey(Receiver);
  std::string Text;
  for (char Ch : describe(Receiver))
    if (Ch != ' ' && Ch != '(' && Ch != ')')
      Text += Ch;
  if (Text.rfind("this->", 0) == 0)
    Text = Text.substr(6);
  return "program:" + std::string(IsPointer ? "*" : "") + Text;
}

void Lowerer::callSite(const Hole &K, const CallSiteSpec &Spec) {
  const FunctionDecl *Callee = Spec.Callee;
  CallSite C;
  C.Caller = fn().Id;
  C.Where = pos(Spec.Loc);
  C.Virtual = Spec.Virtual;
  C.Indirect = !Callee || Spec.Indirect;
  C.Constructor = Spec.ObjectHole != nullptr;
  if (Callee) {
    const FunctionDecl *Target = Callee;
    C.Callee = usrOf(Target);
    const SourceManager &SM = Ctx.getSourceManager();
    C.LibraryCallee =
        SM.isInSystemHeader(SM.getFileLoc(Target->getLocation()));
    C.ModelName = modelNameOf(Target);
    const FunctionDecl *Named = Target;
    if (const FunctionDecl *Pattern = Target->getTemplateInstantiationPattern())
      Named = Pattern;
    if (const auto *MD = dyn_cast<CXXMethodDecl>(Named);
        MD && MD->getParent()->isLambda())
      C.Display = "the lambda";
    else
      C.Display = "'" + C.ModelName + "'";
    std::vector<uint8_t> NoEscape;
    C.Declared = declaredSummary(Target, NoEscape);
    C.NoEscape = std::move(NoEscape);
  } else {
    C.Display = "an indirect call";
  }
  bool HandsLocal = false;
  // Slot 0: the object the callee works on, by address.
  C.Slots.push_back(NoLoc);
  C.SlotNames.push_back("this");
  C.SlotTexts.push_back("the new object");
  C.PlainContent.push_back(0);
  C.SlotKnown.push_back(0);
  C.SlotValues.push_back(0);
  if (Spec.ObjectHole) {
    if (const auto *E = dyn_cast<Expr>(Spec.Call))
      C.PlainContent[0] = !contentHoldsPointers(E->getType());
    // A constructor builds the object its hole receives: when that is a
    // plain location, the callee's `this` is its address.
    const Hole &OK = *Spec.ObjectHole;
    LocId Slot = newLoc(LocKind::Temp, "", C.Where, CurScope);
    if (!OK.blank() && OK.Derefs == 0 && G.loc(OK.Dst).Kind != LocKind::Temp &&
        G.loc(OK.Dst).Kind != LocKind::Sink &&
        G.loc(OK.Dst).Kind != LocKind::Indirect) {
      flow(holeOf(Slot).addr(), OK.Dst);
      HandsLocal = G.loc(OK.Dst).isStackObject();
    } else {
      LocId Obj = newLoc(LocKind::Temp, "", C.Where, CurScope);
      flow(holeOf(Slot).addr(), Obj);
      flow(OK, Obj);
    }
    C.Slots[0] = Slot;
  } else if (Spec.Receiver) {
    LocId Slot = newLoc(LocKind::Temp, "", C.Where, CurScope);
    Hole RK = holeOf(Slot).note(note(Spec.Call, "call receiver"));
    expr(Spec.ReceiverIsPointer ? RK : RK.addr(), Spec.Receiver);
    C.Slots[0] = Slot;
    C.ReceiverKey = receiverKey(Spec.Receiver, Spec.ReceiverIsPointer);
    QualType ObjectType = Spec.Receiver->getType();
    if (Spec.ReceiverIsPointer)
      ObjectType = ObjectType->getPointeeType();
    C.PlainContent[0] = !ObjectType.isNull() && !contentHoldsPointers(ObjectType);
    HandsLocal = handsLocal(Spec.Receiver, !Spec.ReceiverIsPointer);
    if (const VarDecl *VD =
            localObject(Spec.Receiver, !Spec.ReceiverIsPointer)) {
      C.SlotStores.resize(1, NoStore);
      C.SlotStores[0] = newStore(Spec.Call, nullptr, Spec.Receiver, VD);
    }
    C.SlotTexts[0] = Spec.ReceiverIsPointer
                         ? pointeeText(Spec.Receiver, false)
                         : pointeeText(Spec.Receiver, true);
  }

  for (unsigned I = 0; I < Spec.Args.size(); ++I) {
    const Expr *A = Spec.Args[I];
    const ParmVarDecl *P =
        Callee && I < Callee->getNumParams() ? Callee->getParamDecl(I) : nullptr;
    bool ByRef = P && P->getType()->isReferenceType();
    LocId Slot = newLoc(LocKind::Temp, "", pos(A->getBeginLoc()), CurScope);
    Hole AK = holeOf(Slot).note(note(A, "call parameter"));
    expr(ByRef && A->isGLValue() ? AK.addr() : AK, A);
    C.Slots.push_back(Slot);
    std::string PName = P ? P->getNameAsString() : "";
    C.SlotNames.push_back(PName.empty() ? "#" + std::to_string(I + 1) : PName);
    C.SlotTexts.push_back(pointeeText(A, ByRef && A->isGLValue()));
    // Content of a slot: what a reference or pointer parameter designates.
    QualType Pointee;
    if (P && ByRef)
      Pointee = P->getType().getNonReferenceType();
    else if (P && P->getType()->isPointerType())
      Pointee = P->getType()->getPointeeType();
    // A constant argument (a literal, a default argument) decides the
    // callee's flows that are conditional on this parameter.
    Expr::EvalResult Value;
    bool Known = A->getType()->isIntegralOrEnumerationType() &&
                 !A->isValueDependent() && A->EvaluateAsInt(Value, Ctx);
    C.SlotKnown.push_back(Known);
    C.SlotValues.push_back(Known ? Value.Val.getInt().getExtValue() : 0);
    C.PlainContent.push_back(!Pointee.isNull() &&
                             !Pointee->isDependentType() &&
                             !contentHoldsPointers(Pointee));
    if (const VarDecl *VD = localObject(A, ByRef && A->isGLValue())) {
      C.SlotStores.resize(C.Slots.size(), NoStore);
      C.SlotStores.back() = newStore(Spec.Call, nullptr, A, VD);
    }
    HandsLocal = HandsLocal || handsLocal(A, ByRef && A->isGLValue());
  }
  if (HandsLocal && Spec.Call) {
    // Analysed like a store made by the call, for the locals it hands over;
    // only for such calls, since every one costs a walk of the CFG.
    StoreId St = G.addStore();
    PendingStore PS;
    PS.Id = St;
    PS.Anchor = Spec.Call;
    PS.FullExpr = CurFullExpr;
    PS.ForCall = true;
    fn().CallStores.push_back(std::move(PS));
    C.After = St;
  }

  if (!K.blank()) {
    LocId R = newLoc(LocKind::Temp, "the result of " + C.Display, C.Where,
                     CurScope);
    C.Result = R;
    // A call returning a reference designates an object: its result temp
    // holds that object's address.
    Note ResultNote = note(Spec.Call, "call result");
    flow(Spec.ReturnsRef ? K.deref().note(ResultNote) : K.note(ResultNote), R);
  }
  CallId Id = G.addCallSite(std::move(C));
  if (Spec.Call)
    fn().CallAt.try_emplace(Spec.Call, Id);
}

void Lowerer::destructorCall(const VarDecl *VD, LocId Obj) {
  const CXXRecordDecl *RD = VD->getType()->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition() || VD->getType()->isArrayType())
    return;
  const CXXDestructorDecl *DD = RD->getDestructor();
  // Library destructors are modelled by what their owners do, not called.
  const SourceManager &SM = Ctx.getSourceManager();
  if (!DD || !DD->isUserProvided() ||
      SM.isInSystemHeader(SM.getFileLoc(DD->getLocation())))
    return;
  CallSite C;
  C.Caller = fn().Id;
  C.Callee = usrOf(DD);
  C.ModelName = modelNameOf(DD);
  C.Display = "'" + C.ModelName + "'";
  C.Where = pos(VD->getLocation());
  std::vector<uint8_t> NoEscape;
  C.Declared = declaredSummary(DD, NoEscape);
  // The object dies with the call: never an unknown call it escapes into.
  NoEscape[0] = 1;
  C.NoEscape = std::move(NoEscape);
  LocId Slot = newLoc(LocKind::Temp, "", C.Where, CurScope);
  flow(holeOf(Slot).addr(), Obj);
  C.Slots.push_back(Slot);
  C.SlotNames.push_back("this");
  C.SlotTexts.push_back(VD->getNameAsString());
  C.PlainContent.push_back(0);
  C.SlotKnown.push_back(0);
  C.SlotValues.push_back(0);
  fn().DtorAt.try_emplace(VD, G.addCallSite(std::move(C)));
}

} // namespace cxxescape
