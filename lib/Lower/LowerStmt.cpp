//===- LowerStmt.cpp - Statements, declarations and scopes ----------------===//
//
// Every block is a scope (Go only has loop depth); loop bodies are scopes at
// a deeper loop depth too, so Go mode can still compare loop depths.
//
//===----------------------------------------------------------------------===//

#include "Lowerer.h"

using namespace clang;

namespace cxxescape {

void Lowerer::statements(const CompoundStmt *CS) {
  ParamGuard Outer = fn().Guard;
  for (const Stmt *Child : CS->body()) {
    stmt(Child);
    // `if (copy) { ...; return; }`: what follows runs only when !copy.
    const auto *IS = dyn_cast<IfStmt>(Child);
    if (IS && fn().Guard.none() && !IS->getElse() && !IS->getInit() &&
        !IS->getConditionVariableDeclStmt() && alwaysExits(IS->getThen()))
      fn().Guard = guardOf(IS->getCond()).negated();
  }
  fn().Guard = Outer;
}

void Lowerer::block(const Stmt *S) {
  if (!S)
    return;
  if (isa<CompoundStmt>(S)) {
    stmt(S);
    return;
  }
  // A sub-statement is a scope of its own even without braces.
  ScopeId Saved = pushScope();
  stmt(S);
  popScope(Saved);
}

void Lowerer::stmt(const Stmt *S) {
  if (!S)
    return;
  if (const auto *E = dyn_cast<Expr>(S)) {
    CurFullExpr = S;
    CurFullExprScope = NoScope;
    discard(E);
    return;
  }
  switch (S->getStmtClass()) {
  case Stmt::CompoundStmtClass: {
    ScopeId Saved = pushScope();
    statements(cast<CompoundStmt>(S));
    popScope(Saved);
    return;
  }
  case Stmt::DeclStmtClass:
    for (const Decl *D : cast<DeclStmt>(S)->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D)) {
        CurFullExpr = S;
        CurFullExprScope = NoScope;
        varDecl(VD, S);
      }
    return;
  case Stmt::ReturnStmtClass:
    returnStmt(cast<ReturnStmt>(S));
    return;
  case Stmt::IfStmtClass: {
    const auto *IS = cast<IfStmt>(S);
    ScopeId Saved = pushScope();
    stmt(IS->getInit());
    if (const DeclStmt *CV = IS->getConditionVariableDeclStmt())
      stmt(CV);
    else
      stmt(IS->getCond());
    ParamGuard When;
    if (!IS->getInit() && !IS->getConditionVariableDeclStmt())
      When = guardOf(IS->getCond());
    guardedBlock(When, IS->getThen());
    guardedBlock(When.none() ? When : When.negated(), IS->getElse());
    popScope(Saved);
    return;
  }
  case Stmt::ForStmtClass: {
    const auto *FS = cast<ForStmt>(S);
    ScopeId Saved = pushScope();
    stmt(FS->getInit());
    pushScope(/*Loop=*/true);
    if (const DeclStmt *CV = FS->getConditionVariableDeclStmt())
      stmt(CV);
    else
      stmt(FS->getCond());
    stmt(FS->getInc());
    block(FS->getBody());
    popScope(Saved);
    return;
  }
  case Stmt::WhileStmtClass: {
    const auto *WS = cast<WhileStmt>(S);
    ScopeId Saved = pushScope(/*Loop=*/true);
    if (const DeclStmt *CV = WS->getConditionVariableDeclStmt())
      stmt(CV);
    else
      stmt(WS->getCond());
    block(WS->getBody());
    popScope(Saved);
    return;
  }
  case Stmt::DoStmtClass: {
    const auto *DS = cast<DoStmt>(S);
    ScopeId Saved = pushScope(/*Loop=*/true);
    block(DS->getBody());
    stmt(DS->getCond());
    popScope(Saved);
    return;
  }
  case Stmt::CXXForRangeStmtClass:
    forRange(cast<CXXForRangeStmt>(S));
    return;
  case Stmt::SwitchStmtClass: {
    const auto *SS = cast<SwitchStmt>(S);
    ScopeId Saved = pushScope();
    stmt(SS->getInit());
    if (const DeclStmt *CV = SS->getConditionVariableDeclStmt())
      stmt(CV);
    else
      stmt(SS->getCond());
    stmt(SS->getBody());
    popScope(Saved);
    return;
  }
  case Stmt::CaseStmtClass: {
    const auto *CS = cast<CaseStmt>(S);
    stmt(CS->getSubStmt());
    return;
  }
  case Stmt::DefaultStmtClass:
    stmt(cast<DefaultStmt>(S)->getSubStmt());
    return;
  case Stmt::LabelStmtClass:
    stmt(cast<LabelStmt>(S)->getSubStmt());
    return;
  case Stmt::AttributedStmtClass:
    stmt(cast<AttributedStmt>(S)->getSubStmt());
    return;
  case Stmt::CXXTryStmtClass: {
    const auto *TS = cast<CXXTryStmt>(S);
    // The handlers' variables live in the scope around the try statement:
    // an object of the try block is gone when its handler runs.
    for (unsigned I = 0; I < TS->getNumHandlers(); ++I)
      if (const VarDecl *EV = TS->getHandler(I)->getExceptionDecl())
        localVar(EV);
    TryStack.push_back(TS);
    block(TS->getTryBlock());
    TryStack.pop_back();
    for (unsigned I = 0; I < TS->getNumHandlers(); ++I) {
      const CXXCatchStmt *H = TS->getHandler(I);
      ScopeId Saved = pushScope();
      if (const VarDecl *EV = H->getExceptionDecl())
        localVar(EV);
      block(H->getHandlerBlock());
      popScope(Saved);
    }
    return;
  }
  case Stmt::CoroutineBodyStmtClass:
    stmt(cast<CoroutineBodyStmt>(S)->getBody());
    return;
  case Stmt::CoreturnStmtClass:
    if (const Expr *Op = cast<CoreturnStmt>(S)->getOperand())
      stmt(Op);
    return;
  case Stmt::NullStmtClass:
  case Stmt::BreakStmtClass:
  case Stmt::ContinueStmtClass:
  case Stmt::GotoStmtClass:
  case Stmt::IndirectGotoStmtClass:
    return;
  default:
    for (const Stmt *Child : S->children())
      stmt(Child);
    return;
  }
}

void Lowerer::varDecl(const VarDecl *VD, const Stmt *Anchor) {
  const Expr *Init = VD->getInit();
  bool IsRef = VD->getType()->isReferenceType();
  if (!VD->hasLocalStorage()) {
    // static / thread_local / extern locals are globals.
    if (Init) {
      Hole K = holeOf(globalSink(VD), AlwaysHeld).note(note(VD, "assign"));
      expr(IsRef ? K.addr() : K, Init);
    }
    return;
  }
  LocId L = localVar(VD);
  if (Init && !IsRef)
    noteAllocHolder(VD, Init, Anchor);
  if (Init) {
    StoreId St = newStore(Anchor, VD, nullptr, IsRef ? nullptr : VD);
    Hole K = holeOf(L, St).note(note(VD, "assign"));
    expr(IsRef ? K.addr() : K, Init);
  }
  if (!IsRef)
    destructorCall(VD, L);
  if (const auto *DD = dyn_cast<DecompositionDecl>(VD))
    for (const BindingDecl *B : DD->bindings())
      if (const VarDecl *Holding = B->getHoldingVar())
        varDecl(Holding, Anchor);
}

void Lowerer::returnStmt(const ReturnStmt *RS) {
  const Expr *E = RS->getRetValue();
  if (!E)
    return;
  CurFullExpr = RS;
  CurFullExprScope = NoScope;
  LocId R = fn().Result;
  if (R == NoLoc) {
    discard(E);
    return;
  }
  Hole K = holeOf(R, AlwaysHeld).note(note(RS, "return"));
  expr(fn().ReturnsRef ? K.addr() : K, E);
}

void Lowerer::forRange(const CXXForRangeStmt *FR) {
  ScopeId Saved = pushScope();
  stmt(FR->getInit());
  stmt(FR->getRangeStmt());
  stmt(FR->getBeginStmt());
  stmt(FR->getEndStmt());
  pushScope(/*Loop=*/true);
  stmt(FR->getCond());
  stmt(FR->getInc());
  stmt(FR->getLoopVarStmt());
  block(FR->getBody());
  popScope(Saved);
}

} // namespace cxxescape
