//===- Lowerer.cpp - Functions, locations and the TU walk -----------------===//

#include "Lowerer.h"
#include "Heapify.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace cxxescape {

Lowerer::Lowerer(ASTContext &Ctx, Graph &G, const LowerOptions &Opts)
    : Ctx(Ctx), G(G), Opts(Opts) {}

Pos Lowerer::pos(SourceLocation L) {
  const SourceManager &SM = Ctx.getSourceManager();
  if (L.isInvalid())
    return {};
  // Report where the code is written, not inside the macro definition.
  L = SM.getFileLoc(L);
  PresumedLoc P = SM.getPresumedLoc(L);
  if (P.isInvalid())
    return {};
  return {G.internFile(P.getFilename()), P.getLine(), P.getColumn()};
}

Note Lowerer::note(const Stmt *S, const char *Why) {
  Note N{pos(S->getBeginLoc()), Why, ""};
  if (Opts.SourceNotes)
    N.Text = sourceText(S->getSourceRange());
  return N;
}

std::string Lowerer::sourceText(SourceRange R) {
  const SourceManager &SM = Ctx.getSourceManager();
  StringRef Text =
      Lexer::getSourceText(SM.getExpansionRange(R), SM, Ctx.getLangOpts());
  // One line, spaces collapsed, short: what a reader recognizes.
  std::string Out;
  for (char C : Text) {
    bool Space = C == ' ' || C == '\n' || C == '\t' || C == '\r';
    if (Space && (Out.empty() || Out.back() == ' '))
      continue;
    Out += Space ? ' ' : C;
  }
  while (!Out.empty() && Out.back() == ' ')
    Out.pop_back();
  constexpr size_t Max = 48;
  if (Out.size() > Max)
    Out = Out.substr(0, Max) + "...";
  return Out;
}

Note Lowerer::note(const Decl *D, const char *Why) {
  Note N{pos(D->getLocation()), Why, ""};
  if (Opts.SourceNotes)
    N.Text = sourceText(D->getSourceRange());
  return N;
}

void Lowerer::flow(const Hole &K, LocId Src) {
  if (K.blank() || Src == NoLoc)
    return;
  size_t Before = G.loc(K.Dst).In.size();
  G.addEdge(K.Dst, Src, K.Derefs, K.Flags, K.Store, K.Notes, K.Read, K.FieldW,
            K.FieldR, K.FieldP);
  if (!FnStack.empty() && !fn().Guard.none() &&
      G.loc(K.Dst).In.size() > Before)
    G.loc(K.Dst).In.back().When = fn().Guard;
}

uint32_t Lowerer::elementId(const Expr *Index) {
  Expr::EvalResult R;
  if (Index->isValueDependent() || !Index->EvaluateAsInt(R, Ctx))
    return 0;
  return fieldId("i" + std::to_string(R.Val.getInt().getExtValue()));
}

Hole Lowerer::holeOf(LocId L, StoreId St) const {
  Hole H;
  H.Dst = L;
  H.Store = St;
  return H;
}

LocId Lowerer::newLoc(LocKind Kind, std::string Name, Pos P, ScopeId S) {
  Location L;
  L.Kind = Kind;
  L.Name = std::move(Name);
  L.Decl = P;
  L.Fn = FnStack.empty() ? NoFunc : fn().Id;
  L.Scope = S;
  return G.addLocation(std::move(L));
}

static std::string varName(const VarDecl *VD) {
  if (const auto *DD = dyn_cast<DecompositionDecl>(VD)) {
    std::string N = "[";
    for (const BindingDecl *B : DD->bindings()) {
      if (N.size() > 1)
        N += ", ";
      N += B->getName();
    }
    return N + "]";
  }
  return VD->getNameAsString();
}

LocId Lowerer::localVar(const VarDecl *VD) {
  auto It = VarLocs.find(VD);
  if (It != VarLocs.end())
    return It->second;
  LocKind K = isa<ParmVarDecl>(VD) ? LocKind::Param : LocKind::Variable;
  LocId L = newLoc(K, varName(VD), pos(VD->getLocation()), CurScope);
  G.loc(L).IsReference = VD->getType()->isReferenceType();
  G.loc(L).Heapify = planHeapify(Ctx, VD);
  G.loc(L).PointerFree = !hasPointers(VD->getType());
  VarLocs[VD] = L;
  return L;
}

LocId Lowerer::globalSink(const VarDecl *VD) {
  VD = VD->getCanonicalDecl();
  auto It = GlobalSinks.find(VD);
  if (It != GlobalSinks.end())
    return It->second;
  std::string Name = VD->isStaticLocal() ? "static '" : "global '";
  if (VD->isStaticDataMember())
    Name = "static member '";
  Name += VD->getQualifiedNameAsString() + "'";
  LocId L = G.addSink(SinkKind::Global, NoFunc, Name, pos(VD->getLocation()));
  G.loc(L).Global = fieldId(VD);
  if (VD->isStaticLocal() || !VD->isExternallyVisible())
    G.loc(L).Attrs |= AttrUnitOnly;
  GlobalSinks[VD] = L;
  return L;
}

LocId Lowerer::externalLoc() {
  if (External == NoLoc)
    External = G.addSink(SinkKind::External, NoFunc, "global memory");
  return External;
}

LocId Lowerer::throwSink() {
  if (Throw == NoLoc)
    Throw = G.addSink(SinkKind::Throw, NoFunc, "the thrown exception");
  return Throw;
}

ScopeId Lowerer::pushScope(bool Loop) {
  ScopeId Saved = CurScope;
  CurScope = G.addScope(CurScope, fn().Id, false, Loop);
  return Saved;
}

ScopeId Lowerer::fullExprScope() {
  if (CurFullExprScope == NoScope)
    CurFullExprScope = G.addScope(CurScope, fn().Id, /*FullExpr=*/true);
  return CurFullExprScope;
}

bool Lowerer::contentHoldsPointers(QualType T) {
  T = T.getNonReferenceType().getCanonicalType();
  if (!hasPointers(T))
    return false;
  const auto *RD = T->getAsCXXRecordDecl();
  // An owner (it destroys what it holds) with a value_type keeps copies of
  // values of that type; a view with a value_type keeps the address itself.
  if (!RD || !RD->hasDefinition() || RD->hasTrivialDestructor())
    return true;
  for (const NamedDecl *D : RD->lookup(&Ctx.Idents.get("value_type")))
    if (const auto *TD = dyn_cast<TypedefNameDecl>(D))
      return hasPointers(TD->getUnderlyingType());
  return true;
}

bool Lowerer::hasPointers(QualType T) {
  T = T.getCanonicalType();
  if (T.isNull())
    return false;
  const Type *Ty = T.getTypePtr();
  if (Ty->isReferenceType() || Ty->isAnyPointerType() ||
      Ty->isMemberPointerType() || Ty->isBlockPointerType() ||
      Ty->isNullPtrType())
    return true;
  if (Ty->isDependentType())
    return true;
  if (const auto *AT = dyn_cast<ArrayType>(Ty))
    return hasPointers(AT->getElementType());
  if (const auto *AT = dyn_cast<AtomicType>(Ty))
    return hasPointers(AT->getValueType());
  const auto *RD = Ty->getAsCXXRecordDecl();
  if (!RD) {
    if (const auto *RT = Ty->getAs<RecordType>())
      for (const FieldDecl *F : RT->getDecl()->fields())
        if (hasPointers(F->getType()))
          return true;
    return false;
  }
  auto It = PointerTypes.find(Ty);
  if (It != PointerTypes.end())
    return It->second;
  // Assume yes while computing, so recursive types terminate.
  PointerTypes[Ty] = true;
  bool Result = false;
  if (!RD->hasDefinition()) {
    Result = true; // opaque: may hold anything
  } else if (!RD->hasTrivialDestructor()) {
    // A handle (std::thread, a lock, a file) may refer to state it keeps
    // outside its members; its destructor is the tell.
    Result = true;
  } else {
    for (const FieldDecl *F : RD->fields())
      if (hasPointers(F->getType())) {
        Result = true;
        break;
      }
    if (!Result)
      for (const CXXBaseSpecifier &B : RD->bases())
        if (hasPointers(B.getType())) {
          Result = true;
          break;
        }
    if (!Result && RD->isLambda())
      for (const LambdaCapture &C : RD->captures())
        if (C.capturesThis() ||
            (C.capturesVariable() && C.getCaptureKind() == LCK_ByRef)) {
          Result = true;
          break;
        }
  }
  PointerTypes[Ty] = Result;
  return Result;
}

std::string Lowerer::describe(const Expr *E) {
  const SourceManager &SM = Ctx.getSourceManager();
  CharSourceRange R = CharSourceRange::getTokenRange(E->getSourceRange());
  R = Lexer::makeFileCharRange(R, SM, Ctx.getLangOpts());
  std::string Text;
  if (R.isValid())
    Text = Lexer::getSourceText(R, SM, Ctx.getLangOpts()).str();
  auto Unfit = [](const std::string &T) {
    return T.empty() || T.size() > 60 || T.find('\n') != std::string::npos;
  };
  if (Unfit(Text)) {
    // Written inside a macro (or too long): the expression as clang prints
    // it, without the implicit `this->`.
    PrintingPolicy Policy(Ctx.getLangOpts());
    Policy.SuppressImplicitBase = true;
    Text.clear();
    llvm::raw_string_ostream OS(Text);
    E->printPretty(OS, nullptr, Policy);
  }
  if (Unfit(Text))
    Text = "*pointer";
  return Text;
}

void Lowerer::lowerFunction(const FunctionDecl *FD) {
  const Stmt *Body = FD->getBody();
  if (!Body)
    return;
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  bool IsLambda = MD && MD->getParent()->isLambda();

  Function F;
  // Instantiations are named after their template, so one finding in a
  // template reads the same for every instantiation (and is shown once).
  const FunctionDecl *Named = FD;
  if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern())
    Named = Pattern;
  F.Name = IsLambda ? std::string("lambda") : Named->getQualifiedNameAsString();
  std::string Name = F.Name;
  F.Parent = (IsLambda && !FnStack.empty()) ? fn().Id : NoFunc;
  F.IsLambda = IsLambda;
  F.Where = pos(FD->getLocation());
  F.Usr = usrOf(FD);
  if (MD) {
    // Every method this one may be called as, through any base.
    std::vector<const CXXMethodDecl *> Work(MD->overridden_methods().begin(),
                                            MD->overridden_methods().end());
    while (!Work.empty()) {
      const CXXMethodDecl *O = Work.back();
      Work.pop_back();
      F.Overrides.push_back(usrOf(O));
      Work.insert(Work.end(), O->overridden_methods().begin(),
                  O->overridden_methods().end());
    }
  }
  std::vector<uint8_t> NoEscape;
  F.Declared = declaredSummary(FD, NoEscape);
  if (!IsLambda)
    F.LifetimeBoundSpots = lifetimeBoundSpots(FD, Ctx, G);
  FuncId Id = G.addFunction(std::move(F));

  // Save the enclosing function's walk state: lambdas nest.
  ScopeId SavedScope = CurScope;
  const Stmt *SavedFull = CurFullExpr;
  ScopeId SavedFullScope = CurFullExprScope;
  LocId OuterThis = FnStack.empty() ? NoLoc : fn().This;
  // A throw in a lambda leaves the lambda, whatever encloses its definition.
  std::vector<const CXXTryStmt *> SavedTry;
  SavedTry.swap(TryStack);

  FnState St;
  St.Id = Id;
  St.Decl = FD;
  FnStack.push_back(St);
  CurScope = G.addScope(NoScope, Id);
  CurFullExpr = nullptr;
  CurFullExprScope = NoScope;
  G.func(Id).BodyScope = CurScope;

  for (const ParmVarDecl *P : FD->parameters()) {
    LocId L = localVar(P);
    G.loc(L).Scope = CurScope;
    G.loc(L).Fn = Id;
    G.func(Id).Params.push_back(L);
  }
  if (IsLambda) {
    // Go's closures see the enclosing function's variables directly; `this`
    // inside a lambda is the enclosing method's.
    fn().This = OuterThis;
  } else if (MD && MD->isInstance()) {
    fn().This = newLoc(LocKind::This, "this", pos(FD->getLocation()), CurScope);
    G.func(Id).This = fn().This;
  }
  QualType RT = FD->getReturnType();
  if (!RT->isVoidType() && !isa<CXXConstructorDecl>(FD) &&
      !isa<CXXDestructorDecl>(FD)) {
    std::string RName = IsLambda ? "the lambda's return value"
                                : "the return value of '" + Name + "'";
    LocId R = newLoc(LocKind::Result, RName, pos(FD->getLocation()), CurScope);
    G.loc(R).ResultIndex = 1;
    fn().Result = R;
    fn().ReturnsRef = RT->isReferenceType();
    G.func(Id).ReturnsRef = fn().ReturnsRef;
    G.func(Id).Result = R;
  }

  if (const auto *CD = dyn_cast<CXXConstructorDecl>(FD)) {
    for (const CXXCtorInitializer *Init : CD->inits()) {
      const Expr *IE = Init->getInit();
      if (!IE)
        continue;
      CurFullExpr = IE;
      CurFullExprScope = NoScope;
      const FieldDecl *Member = Init->getAnyMember();
      if (!Member || !fn().This) {
        discard(IE);
        continue;
      }
      // this->m = init: a store into *this.
      LocId Ptr = newLoc(LocKind::Temp, "", pos(Init->getSourceLocation()),
                         CurScope);
      flow(holeOf(Ptr), fn().This);
      LocId Ind = newLoc(LocKind::Indirect, Member->getNameAsString(),
                         pos(Init->getSourceLocation()), CurScope);
      G.loc(Ind).PtrOf = Ptr;
      Hole K = holeOf(Ind, AlwaysHeld)
                   .note(Note{pos(Init->getSourceLocation()), "assign", ""});
      expr(Member->getType()->isReferenceType() ? K.addr() : K, IE);
    }
  }

  if (const auto *CS = dyn_cast<CompoundStmt>(Body)) {
    // The outermost block shares the parameters' scope.
    statements(CS);
  } else {
    stmt(Body);
  }
  analyzeStoreLifetimes(*this, FD, Body);
  recordWrittenFields(*this, Id, Body);
  recordLoopCalls(*this, Id, Body);
  recordReadGlobals(*this, Id, FD, Body);
  analyzeAllocFacts(*this, FD, Body);

  FnStack.pop_back();
  TryStack.swap(SavedTry);
  CurScope = SavedScope;
  CurFullExpr = SavedFull;
  CurFullExprScope = SavedFullScope;
}

void Lowerer::lowerGlobalInit(const VarDecl *VD) {
  // A namespace-scope initializer runs like a function of its own: its
  // temporaries die at the end of the initializer.
  Function F;
  F.Name = "the initializer of '" + VD->getQualifiedNameAsString() + "'";
  F.Where = pos(VD->getLocation());
  FuncId Id = G.addFunction(F);
  FnState St;
  St.Id = Id;
  FnStack.push_back(St);
  CurScope = G.addScope(NoScope, Id);
  G.func(Id).BodyScope = CurScope;
  CurFullExpr = VD->getInit();
  CurFullExprScope = NoScope;
  varDecl(VD, nullptr);
  recordReadGlobals(*this, Id, nullptr, VD->getInit());
  FnStack.pop_back();
  CurScope = NoScope;
  CurFullExpr = nullptr;
  CurFullExprScope = NoScope;
}

namespace {

class FunctionCollector : public RecursiveASTVisitor<FunctionCollector> {
public:
  FunctionCollector(Lowerer &L, const LowerOptions &Opts)
      : L(L), Opts(Opts) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return false; }

  bool VisitVarDecl(VarDecl *VD) {
    if (!VD->hasGlobalStorage() || VD->isStaticLocal() || !VD->getInit() ||
        VD->isInvalidDecl() || VD->getDeclContext()->isDependentContext() ||
        VD->getInit()->isValueDependent() ||
        !VD->isThisDeclarationADefinition())
      return true;
    if (VD->getDeclContext()->isFunctionOrMethod() || skipped(VD))
      return true;
    L.lowerGlobalInit(VD);
    return true;
  }

  bool VisitFieldDecl(FieldDecl *FD) {
    if (!FD->hasInClassInitializer() || FD->isInvalidDecl() ||
        FD->getDeclContext()->isDependentContext() || skipped(FD))
      return true;
    if (const Expr *Init = FD->getInClassInitializer();
        Init && !Init->isValueDependent())
      recordDefaultMemberInitReads(L, FD);
    return true;
  }

  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (!FD->doesThisDeclarationHaveABody() || FD->isDependentContext() ||
        FD->isInvalidDecl())
      return true;
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD);
        MD && MD->getParent()->isLambda())
      return true; // lowered where the lambda is written
    if ((FD->isDefaulted() && !FD->isUserProvided()) || skipped(FD))
      return true;
    L.lowerFunction(FD);
    return true;
  }

private:
  /// Declarations in system headers are neither reported nor needed yet.
  bool skipped(const Decl *D) const {
    const SourceManager &SM = D->getASTContext().getSourceManager();
    return !Opts.IncludeSystemHeaders &&
           SM.isInSystemHeader(SM.getFileLoc(D->getLocation()));
  }

  Lowerer &L;
  const LowerOptions &Opts;
};

} // namespace

void lowerTranslationUnit(ASTContext &Ctx, Graph &G, const LowerOptions &Opts) {
  Lowerer L(Ctx, G, Opts);
  FunctionCollector C(L, Opts);
  C.TraverseDecl(Ctx.getTranslationUnitDecl());
}

} // namespace cxxescape
