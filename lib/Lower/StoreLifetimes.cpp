//===- StoreLifetimes.cpp - Is the stored address still there? ------------===//
//
// Go's analysis is flow-insensitive: `g = &x; ...; g = nullptr;` still moves
// x to the heap. A C++ bug finder must not report it. For every store the
// lowering made, walk the CFG forward from the store until the destination
// is overwritten, and record whose lifetimes end on the way. For a local
// destination, the value must also still be read after that end.
//
//===----------------------------------------------------------------------===//

#include "Lowerer.h"

#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseSet.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <optional>
#include <set>

using namespace clang;

namespace cxxescape {

namespace {

/// Limits the work on huge functions; beyond it stores stay conservative.
constexpr size_t StepBudget = 2000000;
/// The calls that hand over a local are many in a long test function; their
/// stores are a refinement, so they share a smaller budget that also counts
/// the work on the call sets. Beyond it they stay unanalysed (conservative).
constexpr size_t CallStoreBudget = 1000000;

struct Point {
  const CFGBlock *Block;
  unsigned Index;
};

class StoreAnalysis {
public:
  StoreAnalysis(Lowerer &L, const CFG &Cfg) : L(L), L_(L), Cfg(Cfg) {
    index();
  }

  void run(const PendingStore &PS);
  bool runFromEntry(const PendingStore &PS);

private:
  void index();
  bool isKill(const CFGElement &E, const PendingStore &PS) const;
  bool isRead(const CFGElement &E, const VarDecl *VD) const;
  /// If E reads VD, adds the id the lowering gave that read.
  void noteRead(const CFGElement &E, const VarDecl *VD,
                std::set<uint32_t> &Reads) const;
  bool liveAfter(Point P, const PendingStore &PS);
  bool observes(const CFGElement &E, const PendingStore &PS) const;
  bool observedAfter(Point P, const PendingStore &PS);
  template <typename Fn>
  void forward(Point From, Fn Visit, const PendingStore *Guarded = nullptr);
  bool branchExcludes(const CFGBlock *B, unsigned SuccIndex,
                      const PendingStore &PS);

  /// Sorted; a call made inside a loop the path enters has LoopTag set,
  /// an assignment to a field or global is its field id with WriteTag.
  using CallSet = std::vector<CallId>;
  static constexpr CallId LoopTag = 1u << 31;
  static constexpr CallId WriteTag = 1u << 30;
  /// The calls of a loop's body, for a store outside the loop (a store
  /// inside it may come after the loop's last wait).
  const std::vector<CallId> *loopCalls(const CFGBlock *B,
                                       const PendingStore &PS);
  struct LoopInfo {
    llvm::DenseSet<const Stmt *> Inside;
    std::vector<CallId> Calls;
  };
  std::map<const Stmt *, LoopInfo> Loops;
  /// Calls on every path from the store to each block's first element;
  /// blocks no path reaches without overwriting the destination are absent.
  struct MustCalls {
    Point Start;
    std::map<const CFGBlock *, CallSet> In;
    bool Complete = false;
  };
  /// In plus the calls among B's elements [From, To); nothing if one of
  /// them overwrites the destination (the path ends there).
  std::optional<CallSet> callsIn(const CFGBlock *B, unsigned From,
                                 unsigned To, const PendingStore &PS,
                                 CallSet In);
  MustCalls mustCalls(Point Start, const PendingStore &PS);
  /// The calls every path from the store to P passes (P reached from it).
  CallSet mustCallsAt(const MustCalls &MC, Point P, const PendingStore &PS);
  static CallsBefore callsBefore(LocId Obj, const CallSet &Calls) {
    CallsBefore K;
    K.Obj = Obj;
    for (CallId C : Calls)
      (C & LoopTag    ? K.LoopCalls
       : C & WriteTag ? K.Writes
                      : K.Calls)
          .push_back(C & ~(LoopTag | WriteTag));
    std::sort(K.LoopCalls.begin(), K.LoopCalls.end()); // untagged order
    std::sort(K.Writes.begin(), K.Writes.end());
    return K;
  }

public:
  /// Gives the call stores a budget of their own.
  void startCallStores() {
    Steps = 0;
    CallStores = true;
  }

private:

  Lowerer &L;
  Lowerer &L_;
  const CFG &Cfg;
  std::map<const Stmt *, Point> StmtAt;
  std::map<const VarDecl *, Point> DeclAt;
  llvm::DenseSet<const DeclRefExpr *> WriteOnly;
  /// Names and `this` that only locate an assignment's destination: reading
  /// them to write through them does not look at the old value.
  llvm::DenseSet<const Stmt *> LhsOnly;
  void markLhs(const Stmt *S) {
    if (!S)
      return;
    if (isa<DeclRefExpr>(S) || isa<CXXThisExpr>(S))
      LhsOnly.insert(S);
    for (const Stmt *Child : S->children())
      markLhs(Child);
  }
  std::map<const Stmt *, std::string> AssignKeys;
  /// The field or global each assignment writes (when it is one).
  std::map<const Stmt *, uint32_t> AssignFields;
  size_t Steps = 0;
  bool CallStores = false;
  size_t CallStoreWork = 0;
};

void StoreAnalysis::index() {
  for (const CFGBlock *B : Cfg) {
    unsigned I = 0;
    for (const CFGElement &E : *B) {
      if (auto CS = E.getAs<CFGStmt>()) {
        const Stmt *S = CS->getStmt();
        StmtAt.emplace(S, Point{B, I});
        if (const auto *DS = dyn_cast<DeclStmt>(S))
          for (const Decl *D : DS->decls())
            if (const auto *VD = dyn_cast<VarDecl>(D))
              DeclAt.emplace(VD, Point{B, I});
        const Expr *LHS = nullptr;
        if (const auto *BO = dyn_cast<BinaryOperator>(S);
            BO && BO->getOpcode() == BO_Assign)
          LHS = BO->getLHS();
        else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S);
                 OC && OC->getOperator() == OO_Equal && OC->getNumArgs() == 2)
          LHS = OC->getArg(0);
        if (LHS) {
          AssignKeys[S] = L.lvalueKey(LHS);
          if (const ValueDecl *Written = assignedFieldOrGlobal(LHS))
            AssignFields[S] = L.fieldId(Written);
          markLhs(LHS);
          if (const auto *DRE =
                  dyn_cast<DeclRefExpr>(LHS->IgnoreParenImpCasts()))
            WriteOnly.insert(DRE);
        }
      }
      ++I;
    }
  }
}

bool StoreAnalysis::isKill(const CFGElement &E, const PendingStore &PS) const {
  if (auto LE = E.getAs<CFGLifetimeEnds>())
    return PS.LocalDst && LE->getVarDecl() == PS.LocalDst;
  auto CS = E.getAs<CFGStmt>();
  if (!CS)
    return false;
  const Stmt *S = CS->getStmt();
  if (PS.LocalDst)
    if (const auto *DS = dyn_cast<DeclStmt>(S))
      for (const Decl *D : DS->decls())
        if (D == PS.LocalDst)
          return true;
  auto It = AssignKeys.find(S);
  return It != AssignKeys.end() && It->second == PS.Key;
}

bool StoreAnalysis::isRead(const CFGElement &E, const VarDecl *VD) const {
  auto CS = E.getAs<CFGStmt>();
  if (!CS)
    return false;
  const Stmt *S = CS->getStmt();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
    return DRE->getDecl() == VD && !WriteOnly.contains(DRE);
  if (const auto *LE = dyn_cast<LambdaExpr>(S))
    for (const LambdaCapture &C : LE->captures())
      if (C.capturesVariable() && C.getCapturedVar() == VD)
        return true;
  return false;
}

/// True if taking successor SuccIndex of B means the destination no longer
/// holds the stored value: B branches on `dst == value` (or `!=`).
bool StoreAnalysis::branchExcludes(const CFGBlock *B, unsigned SuccIndex,
                                   const PendingStore &PS) {
  if (PS.ValueKey.empty() || PS.ValueKey[0] == '?' || B->succ_size() != 2)
    return false;
  const Expr *Cond = dyn_cast_or_null<Expr>(B->getTerminatorCondition());
  if (!Cond)
    return false;
  const auto *BO = dyn_cast<BinaryOperator>(Cond->IgnoreParenImpCasts());
  if (!BO || (BO->getOpcode() != BO_EQ && BO->getOpcode() != BO_NE))
    return false;
  std::string L = L_.valueKey(BO->getLHS()), R = L_.valueKey(BO->getRHS());
  bool Match = (L == PS.Key && R == PS.ValueKey) ||
               (R == PS.Key && L == PS.ValueKey);
  if (!Match)
    return false;
  // Successor 0 is the true branch: `==` false and `!=` true exclude.
  return BO->getOpcode() == BO_EQ ? SuccIndex == 1 : SuccIndex == 0;
}

void StoreAnalysis::noteRead(const CFGElement &E, const VarDecl *VD,
                             std::set<uint32_t> &Reads) const {
  if (!isRead(E, VD))
    return;
  auto CS = E.getAs<CFGStmt>();
  const auto *DRE = CS ? dyn_cast<DeclRefExpr>(CS->getStmt()) : nullptr;
  if (!DRE)
    return;
  auto It = L.fn().Reads.find(DRE);
  if (It != L.fn().Reads.end())
    Reads.insert(It->second);
}

template <typename Fn>
void StoreAnalysis::forward(Point From, Fn Visit, const PendingStore *Guarded) {
  // Visit(element or nullptr for the exit) returns true to stop this path.
  std::set<const CFGBlock *> Entered;
  std::vector<Point> Work{From};
  while (!Work.empty()) {
    Point P = Work.back();
    Work.pop_back();
    bool Stopped = false;
    for (unsigned I = P.Index; I < P.Block->size(); ++I) {
      if (++Steps > StepBudget)
        return;
      CFGElement Elem = (*P.Block)[I];
      if (Visit(&Elem, P.Block, I)) {
        Stopped = true;
        break;
      }
    }
    if (Stopped)
      continue;
    if (P.Block == &Cfg.getExit()) {
      Visit(nullptr, P.Block, 0);
      continue;
    }
    unsigned Index = 0;
    for (const CFGBlock::AdjacentBlock &Succ : P.Block->succs()) {
      unsigned This = Index++;
      if (Guarded && branchExcludes(P.Block, This, *Guarded))
        continue;
      if (const CFGBlock *SB = Succ.getReachableBlock())
        if (Entered.insert(SB).second)
          Work.push_back({SB, 0});
    }
  }
}

/// Code that may look at memory outliving the function: calls, destructors,
/// allocation, throws; and reads of the destination's base.
bool StoreAnalysis::observes(const CFGElement &E, const PendingStore &PS) const {
  if (E.getAs<CFGImplicitDtor>())
    return true;
  auto CS = E.getAs<CFGStmt>();
  if (!CS)
    return false;
  const Stmt *S = CS->getStmt();
  if (isa<CallExpr>(S) || isa<CXXNewExpr>(S) || isa<CXXDeleteExpr>(S) ||
      isa<CXXThrowExpr>(S) || isa<CoreturnStmt>(S))
    return true;
  if (const auto *CE = dyn_cast<CXXConstructExpr>(S))
    return CE->getConstructor() && !CE->getConstructor()->isTrivial();
  if (LhsOnly.contains(S))
    return false;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
    return PS.BaseDecl && DRE->getDecl() == PS.BaseDecl;
  return PS.BaseThis && isa<CXXThisExpr>(S);
}

bool StoreAnalysis::observedAfter(Point P, const PendingStore &PS) {
  bool Seen = false;
  forward(P, [&](const CFGElement *E, const CFGBlock *, unsigned) {
    if (Seen || !E) {
      Seen = true; // the function returns with the address still there
      return true;
    }
    if (observes(*E, PS)) {
      Seen = true;
      return true;
    }
    return isKill(*E, PS);
  }, &PS);
  return Seen;
}

bool StoreAnalysis::liveAfter(Point P, const PendingStore &PS) {
  bool Live = false;
  forward(P, [&](const CFGElement *E, const CFGBlock *, unsigned) {
    if (Live)
      return true;
    if (!E)
      return true;
    if (isRead(*E, PS.LocalDst)) {
      Live = true;
      return true;
    }
    return isKill(*E, PS);
  });
  return Live;
}

const std::vector<CallId> *StoreAnalysis::loopCalls(const CFGBlock *B,
                                                    const PendingStore &PS) {
  const Stmt *Loop = B->getTerminatorStmt();
  // A do-while body runs before its condition: its calls are on the path.
  if (!Loop || !isLoop(Loop) || isa<DoStmt>(Loop))
    return nullptr;
  auto [It, New] = Loops.try_emplace(Loop);
  if (New)
    loopContents(L.fn(), Loop, It->second.Inside, It->second.Calls);
  if (It->second.Inside.contains(PS.Anchor))
    return nullptr;
  return &It->second.Calls;
}

std::optional<StoreAnalysis::CallSet>
StoreAnalysis::callsIn(const CFGBlock *B, unsigned From, unsigned To,
                       const PendingStore &PS, CallSet In) {
  const Lowerer::FnState &F = L.fn();
  auto Add = [&](CallId C) {
    auto Where = std::lower_bound(In.begin(), In.end(), C);
    if (Where == In.end() || *Where != C)
      In.insert(Where, C);
  };
  for (unsigned I = From; I < To && I < B->size(); ++I) {
    CFGElement E = (*B)[I];
    if (isKill(E, PS))
      return std::nullopt;
    if (auto D = E.getAs<CFGAutomaticObjDtor>()) {
      auto It = F.DtorAt.find(D->getVarDecl());
      if (It != F.DtorAt.end())
        Add(It->second);
      continue;
    }
    auto CS = E.getAs<CFGStmt>();
    if (!CS)
      continue;
    auto It = F.CallAt.find(CS->getStmt());
    if (It != F.CallAt.end())
      Add(It->second);
    auto W = AssignFields.find(CS->getStmt());
    if (W != AssignFields.end())
      Add(W->second | WriteTag);
  }
  if (To >= B->size())
    if (const std::vector<CallId> *Calls = loopCalls(B, PS))
      for (CallId C : *Calls)
        Add(C | LoopTag);
  return In;
}

StoreAnalysis::MustCalls StoreAnalysis::mustCalls(Point Start,
                                                  const PendingStore &PS) {
  // A forward must-analysis: a block's set only shrinks as more paths
  // reach it, so the worklist ends.
  MustCalls MC;
  MC.Start = Start;
  std::vector<const CFGBlock *> Work;
  auto Propagate = [&](const CFGBlock *From, const CallSet &Out) {
    for (const CFGBlock::AdjacentBlock &Succ : From->succs()) {
      const CFGBlock *SB = Succ.getReachableBlock();
      if (!SB)
        continue;
      auto [It, New] = MC.In.try_emplace(SB, Out);
      if (!New) {
        CallSet Both;
        std::set_intersection(It->second.begin(), It->second.end(),
                              Out.begin(), Out.end(),
                              std::back_inserter(Both));
        if (Both.size() == It->second.size())
          continue;
        It->second = std::move(Both);
      }
      Work.push_back(SB);
    }
  };
  if (auto Out = callsIn(Start.Block, Start.Index, Start.Block->size(), PS,
                         {}))
    Propagate(Start.Block, *Out);
  while (!Work.empty()) {
    if (++Steps > StepBudget)
      return MC; // incomplete: no call is known to come first
    const CFGBlock *B = Work.back();
    Work.pop_back();
    if (CallStores &&
        (CallStoreWork += B->size() + MC.In[B].size()) > CallStoreBudget)
      return MC;
    if (auto Out = callsIn(B, 0, B->size(), PS, MC.In[B]))
      Propagate(B, *Out);
  }
  MC.Complete = true;
  return MC;
}

StoreAnalysis::CallSet StoreAnalysis::mustCallsAt(const MustCalls &MC,
                                                  Point P,
                                                  const PendingStore &PS) {
  if (!MC.Complete)
    return {};
  std::optional<CallSet> Out;
  if (P.Block == MC.Start.Block && P.Index >= MC.Start.Index) {
    Out = callsIn(P.Block, MC.Start.Index, P.Index, PS, {});
  } else {
    auto It = MC.In.find(P.Block);
    if (It == MC.In.end())
      return {};
    Out = callsIn(P.Block, 0, P.Index, PS, It->second);
  }
  return Out ? *Out : CallSet{};
}

bool StoreAnalysis::runFromEntry(const PendingStore &PS) {
  const CFGBlock &Entry = Cfg.getEntry();
  std::set<uint32_t> Reads;
  Lowerer::FnState &F = L.fn();
  size_t Before = Steps;
  forward(Point{&Entry, 0}, [&](const CFGElement *E, const CFGBlock *,
                                unsigned) {
    if (!E)
      return true;
    noteRead(*E, PS.LocalDst, Reads);
    return isKill(*E, PS);
  });
  if (Steps > StepBudget) {
    Steps = Before;
    return false;
  }
  Store &S = L.G.store(PS.Id);
  S.Conservative = false;
  S.Fn = F.Id;
  S.TracksReads = true;
  S.Reads.assign(Reads.begin(), Reads.end());
  return true;
}

void StoreAnalysis::run(const PendingStore &PS) {
  if (CallStores && CallStoreWork > CallStoreBudget)
    return;
  Point Start;
  if (PS.AnchorVar) {
    auto It = DeclAt.find(PS.AnchorVar);
    if (It == DeclAt.end())
      return;
    Start = It->second;
  } else {
    auto It = StmtAt.find(PS.Anchor);
    if (It == StmtAt.end())
      return;
    Start = It->second;
  }
  Start.Index += 1;

  Lowerer::FnState &F = L.fn();
  std::set<LocId> Survives;
  std::set<uint32_t> Reads;
  bool ReachedExit = false;
  std::vector<std::pair<const VarDecl *, Point>> Ends;
  size_t Before = Steps;
  forward(Start, [&](const CFGElement *E, const CFGBlock *B, unsigned I) {
    if (!E) {
      ReachedExit = true;
      return true;
    }
    if (auto LE = E->getAs<CFGLifetimeEnds>())
      Ends.push_back({LE->getVarDecl(), Point{B, I + 1}});
    if (PS.LocalDst)
      noteRead(*E, PS.LocalDst, Reads);
    return isKill(*E, PS);
  }, &PS);
  if (Steps > StepBudget) {
    Steps = Before; // give the next store a chance; this one stays unknown
    return;
  }
  if (CallStores)
    CallStoreWork += Steps - Before;

  // For a field or global, and for what a call hands over: which calls come
  // before each object dies (a callee may write the field again, or wait
  // for the thread the value was handed to).
  bool ForCall = PS.ForCall;
  bool Killable = !PS.LocalDst && (PS.DstField || ForCall);
  MustCalls MC;
  if (Killable) {
    size_t BeforeCalls = Steps;
    MC = mustCalls(Start, PS);
    if (!MC.Complete)
      Steps = BeforeCalls; // no call is known to come first; go on
  }
  std::vector<CallsBefore> KilledBy;
  auto Add = [&](const VarDecl *VD, bool Holds, Point At) {
    if (!Holds)
      return;
    std::vector<LocId> Objs;
    auto It = L.VarLocs.find(VD);
    if (It != L.VarLocs.end())
      Objs.push_back(It->second);
    for (auto &[T, Ext] : F.Extended)
      if (Ext == VD)
        Objs.push_back(T);
    for (LocId Obj : Objs) {
      Survives.insert(Obj);
      if (!Killable)
        continue;
      // The objects handed over, and what they may hold (a thread object
      // holds the lambda's captures): any object dying later. Bounded: an
      // object with no entry is simply not released.
      CallSet Calls = mustCallsAt(MC, At, PS);
      if (ForCall && (CallStoreWork += Calls.size() + 1) > CallStoreBudget)
        continue;
      KilledBy.push_back(callsBefore(Obj, Calls));
    }
  };
  for (auto &[VD, P] : Ends)
    Add(VD, PS.LocalDst ? liveAfter(P, PS) : observedAfter(P, PS), P);
  // Parameters die when the function returns.
  Point Exit{&Cfg.getExit(), 0};
  if (ReachedExit && !PS.LocalDst) {
    for (const ParmVarDecl *P : F.Decl->parameters())
      Add(P, true, Exit);
    if (Killable)
      KilledBy.push_back(callsBefore(NoLoc, mustCallsAt(MC, Exit, PS)));
  }
  // Temporaries of the store's own full-expression die right after it.
  for (auto &[T, FE] : F.Temps)
    if (FE && FE == PS.FullExpr &&
        (!PS.LocalDst || liveAfter(Start, PS)))
      Survives.insert(T);

  Store &S = L.G.store(PS.Id);
  S.Conservative = false;
  S.Fn = F.Id;
  S.OutlivesFunction = ReachedExit && !PS.LocalDst;
  S.Survives.assign(Survives.begin(), Survives.end());
  S.DstField = PS.LocalDst ? 0 : PS.DstField;
  S.KilledBy = std::move(KilledBy);
  if (PS.LocalDst) {
    S.TracksReads = true;
    S.Reads.assign(Reads.begin(), Reads.end());
  }
}

} // namespace

void analyzeStoreLifetimes(Lowerer &L, const FunctionDecl *FD,
                           const Stmt *Body) {
  if (L.fn().Stores.empty() && L.fn().CallStores.empty())
    return;
  CFG::BuildOptions BO;
  BO.AddLifetime = true;
  BO.AddInitializers = true;
  BO.AddImplicitDtors = true;
  BO.setAllAlwaysAdd();
  std::unique_ptr<CFG> Cfg =
      CFG::buildCFG(FD, const_cast<Stmt *>(Body), &L.Ctx, BO);
  if (!Cfg)
    return; // every store stays conservative
  StoreAnalysis A(L, *Cfg);
  for (const PendingStore &PS : L.fn().Stores)
    A.run(PS);
  // Calls that hand over a local: many, and optional (an unanalysed one is
  // judged as before), so they do not eat the stores' budget.
  A.startCallStores();
  for (const PendingStore &PS : L.fn().CallStores)
    A.run(PS);
  // A parameter's value from the caller: which reads of it does it reach?
  for (const ParmVarDecl *P : FD->parameters()) {
    auto It = L.VarLocs.find(P);
    if (It == L.VarLocs.end() || P->getType()->isReferenceType())
      continue;
    PendingStore PS;
    PS.Id = L.G.addStore();
    PS.LocalDst = P;
    PS.Key = L.lvalueKey(nullptr, P);
    if (A.runFromEntry(PS))
      L.G.loc(It->second).EntryStore = PS.Id;
  }
}

} // namespace cxxescape
