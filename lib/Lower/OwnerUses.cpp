//===- OwnerUses.cpp - Does a local owner keep its object? ----------------===//
//
// A std::unique_ptr, std::shared_ptr or std::vector initialised by
// make_unique, make_shared or a constant-size constructor owns a heap object
// that could have been a stack object, if the owner keeps it to the end of
// its own life. Reads every use of the owner and says whether it does.
// Copies are allowed where the solver follows them (a shared_ptr's copies, a
// vector's copies); anything this does not know is a change, so that no
// object is called stack-worthy on a guess.
//
//===----------------------------------------------------------------------===//

#include "Lowerer.h"

#include "clang/AST/ExprCXX.h"
#include "clang/Basic/Builtins.h"
#include "clang/Basic/SourceManager.h"

#include <set>

using namespace clang;

namespace cxxescape {

namespace {

bool isDeclRefTo(const Expr *E, const VarDecl *VD) {
  const auto *DRE =
      dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenImpCasts() : nullptr);
  return DRE && DRE->getDecl() == VD;
}

/// Reads every use of a local owner (see the top of the file).
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
  void copied(size_t I, const CXXConstructorDecl *Ctor);
  bool inSystemHeader(const Decl *D) const;
  /// The library function or constructor that receives the value built by
  /// Stack[I], if any.
  const FunctionDecl *libraryConsumer(size_t I) const;
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
      "get",           "size",         "empty",        "at",
      "front",         "back",         "data",         "begin",
      "end",           "cbegin",       "cend",         "rbegin",
      "rend",          "crbegin",      "crend",        "capacity",
      "max_size",      "use_count",    "owner_before", "get_deleter",
      "get_allocator", "operator bool"};
  for (const char *H : Names)
    if (N == H)
      return true;
  return false;
}

bool isGrowingMethod(StringRef N) {
  static const char *const Names[] = {
      "push_back",    "emplace_back", "insert", "emplace",
      "resize",       "reserve",      "assign", "append_range",
      "insert_range", "assign_range", "swap"};
  for (const char *H : Names)
    if (N == H)
      return true;
  return false;
}

void OwnerUses::memberCall(const CXXMethodDecl *MD) {
  std::string Name = isa<CXXConversionDecl>(MD) ? std::string("operator bool")
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
  if (isa<CXXConstructorDecl>(Callee) || inSystemHeader(Callee))
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

bool OwnerUses::inSystemHeader(const Decl *D) const {
  const SourceManager &SM = Ctx.getSourceManager();
  return D && SM.isInSystemHeader(SM.getFileLoc(D->getLocation()));
}

const FunctionDecl *OwnerUses::libraryConsumer(size_t I) const {
  const Stmt *Child = Stack[I];
  const Stmt *P = parent(I, Child);
  const FunctionDecl *Callee = nullptr;
  if (const auto *CE = dyn_cast_or_null<CallExpr>(P))
    Callee = CE->getDirectCallee();
  else if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(P))
    Callee = CE->getConstructor();
  return inSystemHeader(Callee) ? Callee : nullptr;
}

void OwnerUses::copied(size_t I, const CXXConstructorDecl *Ctor) {
  if (Ctor->isCopyConstructor()) {
    if (isUnique())
      return fail("it is copied");
  } else if (Ctor->isMoveConstructor()) {
    if (Form != AllocForm::MakeShared)
      return fail("it is moved out");
  } else {
    return fail("it is converted to '" + Ctor->getParent()->getNameAsString() +
                "'");
  }
  // The solver follows the copy, unless library code without a model
  // receives it (std::async(f, s) keeps its arguments).
  if (const FunctionDecl *Lib = libraryConsumer(I))
    fail("a copy is passed to '" + Lib->getNameAsString() + "'");
}

void OwnerUses::moved(size_t I, const Stmt *MoveCall) {
  const Stmt *Child = MoveCall;
  const Stmt *P = parent(I, Child);
  if (Form == AllocForm::MakeShared) {
    if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(P);
        CE && CE->getConstructor()->isMoveConstructor()) {
      if (const FunctionDecl *Lib = libraryConsumer(I))
        fail("it is moved into '" + Lib->getNameAsString() + "'");
      return;
    }
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
    bool IsObject =
        OC->getNumArgs() > 0 && isDeclRefTo(cast<Expr>(OC->getArg(0)), VD);
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
      return copied(I, Ctor);
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

} // namespace

std::string ownerChange(const ASTContext &Ctx, const VarDecl *VD,
                        AllocForm Form, const Stmt *Body) {
  return OwnerUses(Ctx, VD, Form).run(Body);
}

} // namespace cxxescape
