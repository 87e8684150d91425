//===- Heapify.cpp - Planning the move of a local to the GC heap ----------===//
//
// Every rewrite keeps the name and the type of the uses: the local becomes a
// reference of the same name bound to an object gc::make allocates, so
// `x`, `&x`, `sizeof x` and `decltype(x)`'s decayed uses read as before.
//
//   T x;  T x(a, b);   ->  T &x = *gc::make<T>();  T &x = *gc::make<T>(a, b);
//   T x = e;           ->  T &x = *gc::make<T>(e);
//   T x{a, b};         ->  T &x = *gc::make<T>(T{a, b});   (initializer lists)
//   T a[N];            ->  T (&a)[N] = *reinterpret_cast<T (*)[N]>(
//                              gc::make_array<T>(N));
//   f(T p) { ...       ->  f(T p_arg) { T &p = *gc::make<T>(std::move(p_arg));
//
// plus `#include "gc/gc.h"` after the file's last leading #include. Only the
// declaration changes, so several declarators of one statement can each be
// rewritten on their own (`int a, &b = *gc::make<int>();`).
//
//===----------------------------------------------------------------------===//

#include "Heapify.h"
#include "HeapifyDestructors.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/AST/TypeLoc.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace cxxescape {

namespace {

/// gc::make forwards at most this many constructor arguments.
constexpr unsigned MaxMakeArgs = 8;
/// The runtime aligns payloads to at most 16 bytes.
constexpr unsigned MaxAlignBytes = 16;

const char *const IncludeLine = "#include \"gc/gc.h\"\n";

class Planner {
public:
  Planner(ASTContext &Ctx, const VarDecl *VD)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), LO(Ctx.getLangOpts()), VD(VD),
        Name(VD->getNameAsString()) {}

  HeapifyPlan plan();

private:
  HeapifyPlan planLocal();
  HeapifyPlan planArray(TypeLoc TL);
  HeapifyPlan planParam(const ParmVarDecl *PVD);

  HeapifyPlan refuse(std::string Why) {
    HeapifyPlan P;
    P.Form = Form;
    P.Refusal = std::move(Why);
    return P;
  }
  /// The offset of a file location in VD's file; false in a macro or
  /// another file.
  bool offset(SourceLocation L, unsigned &Off) const;
  /// The characters of a token range, when it is plain file text.
  bool charRange(SourceRange R, unsigned &Begin, unsigned &End) const;
  std::string text(unsigned Begin, unsigned End) const {
    return Buffer.substr(Begin, End - Begin).str();
  }
  void edit(unsigned Off, unsigned Len, std::string Text) {
    Edits.push_back({FilePath, Off, Len, std::move(Text)});
  }
  /// How gc::make<...> names the unqualified type: as written when the
  /// declaration spells it before the name, printed otherwise ("" if it
  /// cannot be named).
  std::string makeType(QualType T, TypeLoc Written, unsigned NameOff) const;
  bool movable(QualType T) const;
  void addInclude(unsigned DeclOff);
  HeapifyPlan done(std::string Type) {
    HeapifyPlan P;
    P.Form = Form;
    P.Type = std::move(Type);
    P.Edits = std::move(Edits);
    return P;
  }

  ASTContext &Ctx;
  const SourceManager &SM;
  const LangOptions &LO;
  const VarDecl *VD;
  std::string Name;
  HeapifyForm Form = HeapifyForm::Object;
  FileID File;
  std::string FilePath;
  StringRef Buffer;
  std::vector<TextEdit> Edits;
};

bool Planner::offset(SourceLocation L, unsigned &Off) const {
  if (L.isInvalid() || L.isMacroID())
    return false;
  auto [F, O] = SM.getDecomposedLoc(L);
  if (F != File)
    return false;
  Off = O;
  return true;
}

bool Planner::charRange(SourceRange R, unsigned &Begin, unsigned &End) const {
  CharSourceRange C =
      Lexer::makeFileCharRange(CharSourceRange::getTokenRange(R), SM, LO);
  if (C.isInvalid() || C.getBegin().isMacroID() || C.getEnd().isMacroID())
    return false;
  // A range that a macro produced is not the text the user wrote.
  if (R.getBegin().isMacroID() || R.getEnd().isMacroID())
    return false;
  return offset(C.getBegin(), Begin) && offset(C.getEnd(), End) && Begin <= End;
}

std::string Planner::makeType(QualType T, TypeLoc Written,
                              unsigned NameOff) const {
  T = T.getUnqualifiedType();
  if (Written && !T->getContainedAutoType() && !T->getContainedDeducedType()) {
    UnqualTypeLoc U = Written.getUnqualifiedLoc();
    unsigned B, E;
    if (charRange(U.getSourceRange(), B, E) && E <= NameOff) {
      std::string S = text(B, E);
      while (!S.empty() && S.back() == ' ')
        S.pop_back();
      if (!S.empty() && S.find('\n') == std::string::npos)
        return S;
    }
  }
  PrintingPolicy PP = Ctx.getPrintingPolicy();
  PP.SuppressUnwrittenScope = true;
  PP.SuppressTagKeyword = true;
  std::string S = T.getAsString(PP);
  if (S.find("(lambda") != std::string::npos ||
      S.find("(unnamed") != std::string::npos ||
      S.find("(anonymous") != std::string::npos)
    return "";
  return S;
}

bool Planner::movable(QualType T) const {
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return true;
  bool Declared = false, Usable = false;
  for (const CXXConstructorDecl *C : RD->ctors())
    if (C->isCopyOrMoveConstructor()) {
      Declared = true;
      Usable |= !C->isDeleted();
    }
  if (Declared)
    return Usable;
  return !RD->defaultedCopyConstructorIsDeleted() ||
         !RD->defaultedMoveConstructorIsDeleted();
}

/// After the last #include of the file's leading directives and comments,
/// once per file: every plan of the file makes the same edit, so edits of
/// several findings (and of several translation units) merge into one.
void Planner::addInclude(unsigned DeclOff) {
  size_t Pos = 0, InsertAt = 0;
  bool InComment = false;
  while (Pos < Buffer.size() && Pos < DeclOff) {
    size_t EOL = Buffer.find('\n', Pos);
    size_t LineEnd = EOL == StringRef::npos ? Buffer.size() : EOL + 1;
    StringRef Line = Buffer.slice(Pos, LineEnd).trim();
    if (InComment) {
      InComment = !Line.contains("*/");
    } else if (Line.empty() || Line.starts_with("//")) {
    } else if (Line.starts_with("/*")) {
      InComment = !Line.contains("*/");
    } else if (Line.starts_with("#")) {
      StringRef Directive = Line.drop_front().ltrim();
      if (Directive.starts_with("include")) {
        if (Line.contains("gc/gc.h"))
          return; // already there
        InsertAt = LineEnd;
      }
    } else {
      break;
    }
    Pos = LineEnd;
  }
  edit(static_cast<unsigned>(InsertAt), 0, IncludeLine);
}

/// `T &x = *gc::make<T>(...)`: the call, if VD is a local already moved.
const CallExpr *gcMakeCall(const VarDecl *VD) {
  const Expr *Init = VD->getInit();
  if (!Init || !VD->getType()->isReferenceType())
    return nullptr;
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(Init))
    Init = EWC->getSubExpr();
  const auto *Deref = dyn_cast<UnaryOperator>(Init->IgnoreParenImpCasts());
  if (!Deref || Deref->getOpcode() != UO_Deref)
    return nullptr;
  const auto *Call =
      dyn_cast<CallExpr>(Deref->getSubExpr()->IgnoreParenCasts());
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee)
    return nullptr;
  std::string Name = Callee->getQualifiedNameAsString();
  return (Name == "gc::make" || Name == "gc::make_array" ||
          Name == "gc::make_at")
             ? Call
             : nullptr;
}

HeapifyPlan Planner::plan() {
  if (isa<DecompositionDecl>(VD) && VD->hasLocalStorage())
    return refuse("a structured binding cannot be bound to a GC object; copy "
                  "the elements into named variables");
  if (!VD->getIdentifier() || VD->isImplicit() || VD->isInitCapture())
    return {};
  if (const CallExpr *Make = gcMakeCall(VD)) {
    HeapifyPlan P;
    P.OnGcHeap = true;
    PresumedLoc Site = SM.getPresumedLoc(SM.getFileLoc(Make->getBeginLoc()));
    if (Site.isValid()) {
      P.SiteLine = Site.getLine();
      P.SiteCol = Site.getColumn();
    }
    return P;
  }
  if (!VD->hasLocalStorage() || VD->getType()->isReferenceType())
    return {};
  SourceLocation NameLoc = VD->getLocation();
  if (NameLoc.isInvalid())
    return {};
  if (isa<ParmVarDecl>(VD))
    Form = HeapifyForm::Parameter;
  else if (Ctx.getAsConstantArrayType(VD->getType()))
    Form = HeapifyForm::Array;
  if (NameLoc.isMacroID())
    return refuse("the declaration is written inside a macro; expand it by "
                  "hand to move '" +
                  Name + "' to the GC heap");
  File = SM.getFileID(NameLoc);
  OptionalFileEntryRef Entry = SM.getFileEntryRefForID(File);
  if (!Entry)
    return {};
  llvm::SmallString<256> Path(Entry->getName());
  SM.getFileManager().makeAbsolutePath(Path);
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  FilePath = std::string(Path);
  Buffer = SM.getBufferData(File);

  std::string Effect = deferredDestructorEffect(Ctx, VD->getType());
  if (!Effect.empty())
    return refuse(Effect + ", which must happen when '" + Name +
                  "' goes out of scope; on the GC heap it would run only "
                  "when the collector finds the object unreachable. Keep '" +
                  Name + "' on the stack and stop its address from escaping");
  if (Ctx.getTypeAlignInChars(VD->getType()).getQuantity() > MaxAlignBytes)
    return refuse("the GC runtime aligns objects to at most 16 bytes");
  if (const auto *PVD = dyn_cast<ParmVarDecl>(VD))
    return planParam(PVD);
  return planLocal();
}

HeapifyPlan Planner::planLocal() {
  if (VD->isCXXForRangeDecl())
    return refuse("a range-for loop variable cannot be rewritten in place; "
                  "copy it into a variable of the loop body");
  if (VD->isExceptionVariable())
    return refuse("a catch parameter cannot be rewritten in place; copy the "
                  "exception into a variable of the handler");
  if (VD->isConstexpr())
    return refuse("a constexpr variable cannot live on the GC heap");
  QualType T = VD->getType();
  if (T->isVariablyModifiedType() || T->isDependentType())
    return refuse("the size of '" + Name + "' is not a constant");
  const DeclContext *DC = VD->getParentFunctionOrMethod();
  const auto *Fn = dyn_cast_or_null<FunctionDecl>(DC);
  if (Fn && Fn->isTemplateInstantiation() && T->getContainedDeducedType())
    return refuse("the deduced type of '" + Name +
                  "' differs between the template's instantiations; spell "
                  "the type, or allocate it with gc::make by hand");
  TypeSourceInfo *TSI = VD->getTypeSourceInfo();
  TypeLoc TL = TSI ? TSI->getTypeLoc() : TypeLoc();
  if (Form == HeapifyForm::Array)
    return planArray(TL);

  unsigned NameOff, NameEnd;
  if (!offset(VD->getLocation(), NameOff) ||
      !offset(Lexer::getLocForEndOfToken(VD->getLocation(), 0, SM, LO),
              NameEnd))
    return refuse("the declaration is written inside a macro; expand it by "
                  "hand to move '" +
                  Name + "' to the GC heap");
  std::string Type = makeType(T, TL, NameOff);
  if (Type.empty())
    return refuse("the type of '" + Name +
                  "' cannot be named in "
                  "gc::make<T>");

  const Expr *Init = VD->getInit();
  if (Init)
    if (const auto *EWC = dyn_cast<ExprWithCleanups>(Init))
      Init = EWC->getSubExpr();
  if (Init)
    Init = Init->IgnoreImplicitAsWritten();
  const auto *CE = dyn_cast_or_null<CXXConstructExpr>(Init);
  // `T x;` of a class type is an implicit default construction.
  bool DefaultInit =
      !Init || (CE && CE->getNumArgs() == 0 && !CE->isListInitialization() &&
                CE->getParenOrBraceRange().isInvalid() &&
                VD->getInitStyle() != VarDecl::CInit);
  bool ListInit =
      Init && (isa<InitListExpr>(Init) || (CE && CE->isListInitialization()));
  if (CE && !ListInit && CE->getNumArgs() > MaxMakeArgs &&
      VD->getInitStyle() == VarDecl::CallInit)
    return refuse("gc::make takes at most 8 constructor arguments; use "
                  "gc::make_at by hand");

  edit(NameOff, 0, "&");
  std::string Make = "*gc::make<" + Type + ">";
  if (DefaultInit) {
    edit(NameEnd, 0, " = " + Make + "()");
  } else if (ListInit) {
    // T{...} keeps the list's meaning (an initializer_list constructor, an
    // aggregate); gc::make then moves it into place.
    if (!movable(T))
      return refuse("'" + Type +
                    "' can be neither copied nor moved into "
                    "the GC heap from its braced initializer");
    unsigned B, E;
    if (!charRange(Init->getSourceRange(), B, E))
      return refuse("the initializer is written inside a macro");
    if (VD->getInitStyle() == VarDecl::CInit) {
      edit(B, 0, Make + "(" + Type);
    } else {
      edit(NameEnd, 0, " = " + Make + "(" + Type);
    }
    edit(E, 0, ")");
  } else if (VD->getInitStyle() == VarDecl::CallInit) {
    edit(NameEnd, 0, " = " + Make);
  } else {
    unsigned B, E;
    if (!charRange(VD->getInit()->getSourceRange(), B, E) || B < NameEnd)
      return refuse("the initializer is written inside a macro");
    edit(B, 0, Make + "(");
    edit(E, 0, ")");
  }
  addInclude(NameOff);
  return done(Type);
}

HeapifyPlan Planner::planArray(TypeLoc TL) {
  const ConstantArrayType *AT = Ctx.getAsConstantArrayType(VD->getType());
  QualType Elem = AT->getElementType();
  if (Elem->isArrayType())
    return refuse("only one-dimensional arrays are rewritten; use a "
                  "std::array of arrays and move that");
  const Expr *Init = VD->getInit();
  const auto *CE = dyn_cast_or_null<CXXConstructExpr>(Init);
  if (Init && !(CE && CE->getNumArgs() == 0 && !CE->isListInitialization()))
    return refuse("an array with an initializer cannot be rewritten in "
                  "place; declare it as std::array<T, N>, which gc::make "
                  "can copy");
  ConstantArrayTypeLoc ATL;
  if (TL)
    ATL = TL.getUnqualifiedLoc().getAs<ConstantArrayTypeLoc>();
  unsigned NameOff, End, SizeB, SizeE;
  if (!ATL || !offset(VD->getLocation(), NameOff) ||
      !offset(Lexer::getLocForEndOfToken(ATL.getRBracketLoc(), 0, SM, LO),
              End) ||
      !ATL.getSizeExpr() ||
      !charRange(ATL.getSizeExpr()->getSourceRange(), SizeB, SizeE))
    return refuse("the array's declarator is not plain text (a macro, a "
                  "typedef'd array type); declare it as std::array<T, N>");
  std::string ElemType = makeType(Elem, ATL.getElementLoc(), NameOff);
  if (ElemType.empty())
    return refuse("the element type cannot be named in gc::make_array<T>");
  std::string Size = text(SizeB, SizeE);
  edit(NameOff, End - NameOff,
       "(&" + Name + ")[" + Size + "] = *reinterpret_cast<" + ElemType +
           " (*)[" + Size + "]>(gc::make_array<" + ElemType + ">(" + Size +
           "))");
  addInclude(NameOff);
  return done(ElemType);
}

HeapifyPlan Planner::planParam(const ParmVarDecl *PVD) {
  const auto *Fn = dyn_cast<FunctionDecl>(PVD->getDeclContext());
  if (!Fn || !Fn->doesThisDeclarationHaveABody())
    return {};
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Fn->getBody());
  if (!Body)
    return refuse("a function-try-block body: copy '" + Name +
                  "' to the GC heap by hand inside the try block");
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Fn))
    for (const CXXCtorInitializer *I : Ctor->inits())
      if (I->isWritten())
        return refuse("the constructor's member initializers may use '" + Name +
                      "' before the body could copy it to the GC heap");
  QualType T = PVD->getType();
  if (T->getContainedDeducedType() || T->isDependentType())
    return refuse("the type of an 'auto' parameter differs between calls");
  if (T->isFunctionPointerType() || T->isMemberPointerType())
    return refuse("the parameter's declarator is not rewritten "
                  "(a function or member pointer)");
  unsigned NameOff, NameEnd, Brace;
  if (!offset(PVD->getLocation(), NameOff) ||
      !offset(Lexer::getLocForEndOfToken(PVD->getLocation(), 0, SM, LO),
              NameEnd) ||
      !offset(Body->getLBracLoc(), Brace))
    return refuse("the function is written inside a macro");
  TypeSourceInfo *TSI = PVD->getTypeSourceInfo();
  TypeLoc TL = TSI ? TSI->getTypeLoc() : TypeLoc();
  unsigned TB, TE;
  if (!TL || !charRange(TL.getSourceRange(), TB, TE) || TE > NameOff)
    return refuse("the parameter's type is not written before its name");
  std::string Written = text(TB, TE);
  std::string Type = makeType(T, TL, NameOff);
  if (Type.empty())
    return refuse("the type of '" + Name +
                  "' cannot be named in "
                  "gc::make<T>");

  // The parameter keeps the caller's value under a new name; the body's
  // first statement makes the GC copy under the old one.
  std::string NewName = Name + "_arg";
  unsigned FnB = NameOff, FnE = NameOff;
  if (charRange(Fn->getSourceRange(), FnB, FnE))
    for (unsigned N = 2; StringRef(text(FnB, FnE)).contains(NewName); ++N)
      NewName = Name + "_arg" + std::to_string(N);
  std::string Value = NewName;
  if (!T.isConstQualified() && !T.isTriviallyCopyableType(Ctx))
    Value = "static_cast<" + Type + " &&>(" + NewName + ")";
  while (!Written.empty() && Written.back() == ' ')
    Written.pop_back();
  // The type's range may leave out a leading qualifier: spell them again.
  if (T.isConstQualified() || T.isVolatileQualified())
    Written = std::string(T.isConstQualified() ? "const " : "") +
              (T.isVolatileQualified() ? "volatile " : "") + Type;
  std::string Decl =
      Written + " &" + Name + " = *gc::make<" + Type + ">(" + Value + ");";

  // Indent like the body's first statement on its own line.
  std::string Lead = " ";
  if (!Body->body_empty()) {
    SourceLocation First = SM.getFileLoc((*Body->body_begin())->getBeginLoc());
    unsigned FirstOff;
    if (offset(First, FirstOff) &&
        SM.getLineNumber(File, FirstOff) != SM.getLineNumber(File, Brace)) {
      unsigned Col = SM.getColumnNumber(File, FirstOff);
      Lead = "\n" + std::string(Col - 1, ' ');
    }
  } else {
    Lead = "\n  ";
  }
  edit(NameOff, NameEnd - NameOff, NewName);
  edit(Brace + 1, 0, Lead + Decl);
  addInclude(FnB < NameOff ? FnB : NameOff);
  return done(Type);
}

} // namespace

HeapifyPlan planHeapify(ASTContext &Ctx, const VarDecl *VD) {
  return Planner(Ctx, VD).plan();
}

} // namespace cxxescape
