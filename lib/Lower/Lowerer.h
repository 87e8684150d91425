//===- Lowerer.h - Shared state of the AST lowering -------------*- C++ -*-===//
//
// Go's escape.go walks a function with an "evaluation context" (a hole) per
// expression; this is the same walker for Clang's AST. Expressions, lvalues,
// statements, calls and lambdas live in separate files.
//
//===----------------------------------------------------------------------===//
#ifndef CXXESCAPE_LIB_LOWER_LOWERER_H
#define CXXESCAPE_LIB_LOWER_LOWERER_H

#include "cxxescape/Graph.h"
#include "cxxescape/Lower.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

#include <map>
#include <string>
#include <vector>

namespace cxxescape {

/// Where the value of the expression being lowered goes (Go's hole).
struct Hole {
  LocId Dst = NoLoc;
  int Derefs = 0;
  uint8_t Flags = 0;
  StoreId Store = NoStore;
  uint32_t Read = 0;
  uint32_t FieldW = 0; // the first-level field written (direct holes only)
  uint32_t FieldR = 0; // the first-level field read (direct reads only)
  uint32_t FieldP = 0; // the field of the first pointee read (Edge::FieldP)
  std::vector<Note> Notes;

  bool blank() const { return Dst == NoLoc; }
  Hole shift(int D) const {
    Hole H = *this;
    // Loading through a pointer, the field read is the pointee's, not the
    // variable's. The field written is the destination's and stays.
    if (D > 0) {
      H.FieldP = H.FieldR;
      H.FieldR = 0;
    } else if (D < 0) {
      H.FieldP = 0; // the field now belongs to no pointee of the source
    }
    H.Derefs += D;
    if (H.Derefs < -1)
      H.Derefs = -1; // &&x cannot be written; deeper means the same here
    return H;
  }
  Hole addr() const { return shift(-1); }
  Hole deref() const { return shift(1); }
  Hole note(Note N) const {
    Hole H = *this;
    H.Notes.push_back(std::move(N));
    return H;
  }
};

/// A store the CFG analysis must judge: which objects' deaths it survives.
struct PendingStore {
  StoreId Id = NoStore;
  /// The CFG element that performs the store (assignment, declaration).
  const clang::Stmt *Anchor = nullptr;
  const clang::VarDecl *AnchorVar = nullptr; // for declarations
  /// Canonical text of the destination lvalue; kills compare it.
  std::string Key;
  /// The destination is a local whose later reads decide whether the stored
  /// value matters.
  const clang::VarDecl *LocalDst = nullptr;
  /// The full-expression the store belongs to (its temporaries die after).
  const clang::Stmt *FullExpr = nullptr;
  /// The variable the destination lvalue is reached from (g, out, ...) or
  /// `this`: code reading it may observe the stored value.
  const clang::ValueDecl *BaseDecl = nullptr;
  bool BaseThis = false;
  /// Canonical text of the stored value, when it has one ("&x", "p"): a
  /// branch on `dst == value` tells where the destination still holds it.
  std::string ValueKey;
  /// The field or global written when the destination is `x.f`, `p->f` or
  /// a global: a later call writing it again may undo the store.
  uint32_t DstField = 0;
  /// The store stands for a call that hands over a local (CallSite::After).
  bool ForCall = false;
};

/// A `new` whose result is stored in a local pointer variable: the CFG
/// analysis decides whether that variable is deleted on every path
/// (AllocFacts.cpp).
struct PendingAlloc {
  LocId Alloc = NoLoc;
  const clang::CXXNewExpr *New = nullptr;
  const clang::VarDecl *Holder = nullptr;
  /// The declaration or assignment that stores the pointer.
  const clang::Stmt *Anchor = nullptr;
};

/// What a call site is built from (LowerCallSite.cpp).
struct CallSiteSpec {
  const clang::FunctionDecl *Callee = nullptr; // null: indirect call
  const clang::Stmt *Call = nullptr;
  clang::SourceLocation Loc;
  const clang::Expr *Receiver = nullptr; // the object of a member call
  bool ReceiverIsPointer = false;
  llvm::ArrayRef<const clang::Expr *> Args;
  /// For a constructor: the hole receiving the constructed object.
  const Hole *ObjectHole = nullptr;
  bool Virtual = false;
  bool Indirect = false;
  bool ReturnsRef = false;
};

std::string usrOf(const clang::Decl *D);
std::string modelNameOf(const clang::FunctionDecl *FD);
/// For each slot of FD (0 = this), whether `[[clang::lifetimebound]]` could
/// be written there and where (LifetimeBoundSpots.cpp).
std::vector<AttrSpot> lifetimeBoundSpots(const clang::FunctionDecl *FD,
                                         const clang::ASTContext &Ctx,
                                         Graph &G);

FunctionSummary declaredSummary(const clang::FunctionDecl *FD,
                                std::vector<uint8_t> &NoEscape);

class Lowerer {
public:
  Lowerer(clang::ASTContext &Ctx, Graph &G, const LowerOptions &Opts);

  void lowerFunction(const clang::FunctionDecl *FD);

  // Expressions (LowerExpr.cpp).
  void expr(const Hole &K, const clang::Expr *E);
  void discard(const clang::Expr *E) { expr(Hole{}, E); }
  void declRef(const Hole &K, const clang::DeclRefExpr *DRE);
  const clang::CXXCatchStmt *localHandler(clang::QualType Thrown);
  void cast(const Hole &K, const clang::CastExpr *CE);
  void binary(const Hole &K, const clang::BinaryOperator *BO);
  void unary(const Hole &K, const clang::UnaryOperator *UO);
  void initList(const Hole &K, const clang::InitListExpr *ILE);
  void parenList(const Hole &K, const clang::CXXParenListInitExpr *PLE);
  void materialize(const Hole &K, const clang::MaterializeTemporaryExpr *MTE);

  // Assignment destinations (LowerAssign.cpp).
  Hole addr(const clang::Expr *LHS, StoreId St,
            const clang::Expr *Whole = nullptr);
  std::string storeName(const clang::Expr *Whole);
  void lowerGlobalInit(const clang::VarDecl *VD);
  Hole indirectStore(const clang::Expr *Pointer, const clang::Expr *Whole,
                     StoreId St);
  Hole indirectStoreThroughRef(LocId RefVar, const clang::Expr *Whole,
                               StoreId St);
  void assign(const clang::Expr *LHS, const clang::Expr *RHS,
              const clang::Stmt *Anchor);
  StoreId newStore(const clang::Stmt *Anchor, const clang::VarDecl *AnchorVar,
                   const clang::Expr *Dst, const clang::VarDecl *LocalDst);
  std::string lvalueKey(const clang::Expr *E,
                        const clang::ValueDecl *D = nullptr);
  std::string valueKey(const clang::Expr *E);
  /// A number for a declaration or expression in the keys above, given in
  /// lowering order: the same in every run (a memory address is not).
  std::string keyNumber(const void *Node);
  llvm::DenseMap<const void *, uint32_t> KeyNumbers;

  // Calls, constructions, lambdas (LowerCall.cpp).
  void call(const Hole &K, const clang::CallExpr *CE);
  void construct(const Hole &K, const clang::CXXConstructExpr *CE);
  void lambda(const Hole &K, const clang::LambdaExpr *LE);
  void newExpr(const Hole &K, const clang::CXXNewExpr *NE);
  // Allocation facts (AllocFacts.cpp).
  /// Init (a `new`, a make_unique/make_shared call or a vector
  /// construction) is stored in local VD by Anchor.
  void noteAllocHolder(const clang::VarDecl *VD, const clang::Expr *Init,
                       const clang::Stmt *Anchor);
  /// The facts of a `new` site the solver cannot know.
  void newAllocFacts(LocId A, const clang::CXXNewExpr *NE);
  /// After a make_unique/make_shared call or a vector construction that
  /// initialises a local owner: the heap object it owns, as an allocation
  /// site whose address the owner holds.
  void ownerAlloc(const Hole &K, const clang::Expr *E);
  void callSite(const Hole &K, const CallSiteSpec &Spec);
  std::string pointeeText(const clang::Expr *E, bool IsAddress);
  std::string receiverKey(const clang::Expr *Receiver, bool IsPointer);

  // Statements (LowerStmt.cpp).
  void stmt(const clang::Stmt *S);
  void block(const clang::Stmt *S);
  void varDecl(const clang::VarDecl *VD, const clang::Stmt *Anchor);
  /// A call site for the user-written destructor that ends local VD (a
  /// call made before VD dies may undo or wait for what VD handed over).
  void destructorCall(const clang::VarDecl *VD, LocId Obj);
  void returnStmt(const clang::ReturnStmt *RS);
  void forRange(const clang::CXXForRangeStmt *FR);
  void lowerBody(const clang::FunctionDecl *FD, FuncId Fn);

  // Helpers.
  Pos pos(clang::SourceLocation L);
  std::string sourceText(clang::SourceRange R);
  Note note(const clang::Stmt *S, const char *Why);
  Note note(const clang::Decl *D, const char *Why);
  void flow(const Hole &K, LocId Src);
  Hole holeOf(LocId L, StoreId St = NoStore) const;
  LocId newLoc(LocKind Kind, std::string Name, Pos P, ScopeId S);
  LocId localVar(const clang::VarDecl *VD);
  LocId globalSink(const clang::VarDecl *VD);
  LocId externalLoc();
  LocId throwSink();
  ScopeId pushScope(bool Loop = false);
  void popScope(ScopeId Saved) { CurScope = Saved; }
  ScopeId fullExprScope();
  bool hasPointers(clang::QualType T);
  // Conditions on parameters (LowerGuard.cpp).
  ParamGuard guardOf(const clang::Expr *Cond);
  /// Is P only read in Body (never assigned, incremented, or given away by
  /// address or non-const reference)?
  bool onlyRead(const clang::ParmVarDecl *P, const clang::Stmt *Body);
  /// Lowers S with G added to the current guard (the outermost one wins).
  void guardedBlock(const ParamGuard &G, const clang::Stmt *S);
  bool alwaysExits(const clang::Stmt *S);
  /// A block's statements in order (LowerStmt.cpp).
  void statements(const clang::CompoundStmt *CS);
  /// Whether writing into an object of type T can leave an address in it:
  /// an owning container copies its elements, so only their type counts.
  bool contentHoldsPointers(clang::QualType T);
  std::string describe(const clang::Expr *E);

  clang::ASTContext &Ctx;
  Graph &G;
  LowerOptions Opts;

  struct FnState {
    FuncId Id = NoFunc;
    const clang::FunctionDecl *Decl = nullptr;
    LocId Result = NoLoc;
    LocId This = NoLoc;
    bool ReturnsRef = false;
    std::vector<PendingStore> Stores;
    /// The call site each call expression of the body became.
    llvm::DenseMap<const clang::Stmt *, CallId> CallAt;
    /// The call site of a local's destructor, by the local.
    llvm::DenseMap<const clang::VarDecl *, CallId> DtorAt;
    /// Stores standing for calls (CallSite::After), analysed after the
    /// others with a budget of their own.
    std::vector<PendingStore> CallStores;
    /// Temporaries made in this function, with the statement that ends them.
    std::vector<std::pair<LocId, const clang::Stmt *>> Temps;
    /// Lifetime-extended temporaries, with the variable that extends them.
    std::vector<std::pair<LocId, const clang::VarDecl *>> Extended;
    /// Reads of local variables' values, by the expression that reads.
    llvm::DenseMap<const clang::DeclRefExpr *, uint32_t> Reads;
    /// The condition on a parameter the statements being lowered are under.
    ParamGuard Guard;
    /// Parameters the body never changes (only those may guard a flow).
    llvm::DenseMap<const clang::ParmVarDecl *, bool> FixedParams;
    /// `new` sites stored in a local pointer (AllocFacts.cpp).
    std::vector<PendingAlloc> Allocs;
  };
  std::vector<FnState> FnStack;
  FnState &fn() { return FnStack.back(); }

  ScopeId CurScope = NoScope;
  /// Handlers of the try blocks enclosing the code being lowered, innermost
  /// last: a throw they catch stays in the function.
  std::vector<const clang::CXXTryStmt *> TryStack;
  /// The innermost full-expression being lowered and its scope.
  const clang::Stmt *CurFullExpr = nullptr;
  ScopeId CurFullExprScope = NoScope;

  llvm::DenseMap<const clang::VarDecl *, LocId> VarLocs;
  llvm::DenseMap<const clang::VarDecl *, LocId> GlobalSinks;
  llvm::DenseMap<const clang::Type *, bool> PointerTypes;
  uint32_t fieldId(const std::string &Key) { return G.internField(Key); }
  /// By USR, so that a callee's summary names the field a caller's edges do.
  uint32_t fieldId(const clang::ValueDecl *FD) {
    auto [It, New] = FieldIds.try_emplace(FD->getCanonicalDecl(), 0u);
    if (New) {
      std::string Usr = usrOf(FD->getCanonicalDecl());
      // Without a USR (an unnamed member), a key no other unit can have.
      It->second = G.internField(
          Usr.empty() ? "u" + std::to_string(FieldIds.size()) + "@" + G.MainFile
                      : "f" + Usr);
    }
    return It->second;
  }
  llvm::DenseMap<const clang::Decl *, uint32_t> FieldIds;
  /// A constant index of an array subscript, as a field; 0 if not constant.
  uint32_t elementId(const clang::Expr *Index);
  LocId External = NoLoc;
  LocId Throw = NoLoc;
  /// Allocating expressions stored in a local: the local and the statement
  /// that stores (noteAllocHolder).
  llvm::DenseMap<const clang::Expr *,
                 std::pair<const clang::VarDecl *, const clang::Stmt *>>
      AllocHolders;
};

/// The field (`x.f`, `p->f`) or the variable with static storage an
/// assignment writes; null for anything else (`*p`, a local, `a[i]`).
const clang::ValueDecl *assignedFieldOrGlobal(const clang::Expr *LHS);

/// Records the fields and globals the body assigns (Function::WritesFields).
void recordWrittenFields(Lowerer &L, FuncId Fn, const clang::Stmt *Body);
/// Records the globals a body (and a constructor's initializers) reads
/// (Function::ReadsGlobals). FD is null for a namespace-scope initializer.
void recordReadGlobals(Lowerer &L, FuncId Fn, const clang::FunctionDecl *FD,
                       const clang::Stmt *Body);
/// Records the globals a default member initializer reads, in a function of
/// its own: the constructors that run it may never be lowered.
void recordDefaultMemberInitReads(Lowerer &L, const clang::FieldDecl *FD);
/// Whether a local owner (AllocForm MakeUnique, MakeShared or Vector) keeps
/// its object to the end of its life: empty if so, else the first reason it
/// may not ("it is moved out"). Body is the owner's function's body.
std::string ownerChange(const clang::ASTContext &Ctx, const clang::VarDecl *VD,
                        AllocForm Form, const clang::Stmt *Body);

/// Decides, per `new` stored in a local pointer, whether every path from
/// the allocation to the function's exits deletes it (CFG).
void analyzeAllocFacts(Lowerer &L, const clang::FunctionDecl *FD,
                       const clang::Stmt *Body);

/// E without the nodes that only wrap a value (parentheses, implicit casts,
/// cleanups, temporaries' bindings and materialization).
const clang::Expr *stripInit(const clang::Expr *E);

/// Whether S is a while, for, do or range-for statement.
bool isLoop(const clang::Stmt *S);
/// The statements under Loop and the calls (and destructor calls of locals
/// declared there) they make, sorted (LoopCalls.cpp).
void loopContents(const Lowerer::FnState &F, const clang::Stmt *Loop,
                  llvm::DenseSet<const clang::Stmt *> &Inside,
                  std::vector<CallId> &Calls);
/// Records the calls the body makes inside loops (Function::LoopCalls).
void recordLoopCalls(Lowerer &L, FuncId Fn, const clang::Stmt *Body);

/// Decides, per store, which objects' ends of life it survives (CFG).
void analyzeStoreLifetimes(Lowerer &L, const clang::FunctionDecl *FD,
                           const clang::Stmt *Body);

} // namespace cxxescape

#endif
