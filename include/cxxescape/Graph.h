//===- Graph.h - The Clang-free escape graph IR -----------------*- C++ -*-===//
//
// Locations, edges and holes as in Go's cmd/compile/internal/escape, with C++
// scopes in place of loop depth. Nothing here knows about Clang: the lowering
// fills a Graph, the solver reads it.
//
//===----------------------------------------------------------------------===//
#ifndef CXXESCAPE_GRAPH_H
#define CXXESCAPE_GRAPH_H

#include "cxxescape/Boxed.h"
#include "cxxescape/ChunkedVector.h"
#include "cxxescape/HeapifyPlan.h"
#include "cxxescape/Summary.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace cxxescape {

using LocId = uint32_t;
using ScopeId = uint32_t;
using FuncId = uint32_t;
using StoreId = uint32_t;
using FileId = uint32_t;
using CallId = uint32_t;

constexpr LocId NoLoc = ~0u;
constexpr ScopeId NoScope = ~0u;
constexpr FuncId NoFunc = ~0u;
/// An edge made inside one expression: it records no store of its own.
constexpr StoreId NoStore = 0;
/// An edge whose value is never overwritten before the object dies (return,
/// throw).
constexpr StoreId AlwaysHeld = 1;

struct Pos {
  FileId File = 0;
  uint32_t Line = 0;
  uint32_t Col = 0;
  bool valid() const { return Line != 0; }
  friend bool operator<(const Pos &A, const Pos &B) {
    if (A.File != B.File)
      return A.File < B.File;
    if (A.Line != B.Line)
      return A.Line < B.Line;
    return A.Col < B.Col;
  }
  friend bool operator==(const Pos &A, const Pos &B) {
    return A.File == B.File && A.Line == B.Line && A.Col == B.Col;
  }
};

/// One step of an explanation: Go's "from WHERE (WHY) at POS", with the C++
/// text of WHERE.
struct Note {
  Pos Where;
  std::string Why;  // Go's vocabulary: "address-of", "assign", "return", ...
  std::string Text; // the C++ source snippet or a short description
};

enum class LocKind : uint8_t {
  Variable,  // automatic object with a name
  Param,     // function parameter passed by value (or pointer, reference)
  This,      // the implicit object parameter
  Result,    // the return value (~r0)
  Temporary, // materialized temporary
  Closure,   // a lambda's closure object
  Alloc,     // heap allocation site (new, ...)
  Indirect,  // the target of a store through a pointer: *p, p->f, ref = v
  Temp,      // compiler temporary used to tee or carry a value
  Sink,      // pseudo location standing for memory that may live forever
};

enum class SinkKind : uint8_t {
  None,
  Heap,     // Go's {heap}
  Global,   // namespace-scope, static or thread_local storage
  Throw,    // exception object
  Call,     // argument of a call the engine does not see into
  External, // memory reached through globals: source of unknown pointers
  Thread,   // handed to another thread
  OutParam, // memory the caller owns, reached through a parameter
  Member,   // memory of *this
};

enum LocAttr : uint8_t {
  AttrEscapes = 1,
  AttrPersists = 2,
  /// A global sink only code of its own unit can name (internal linkage,
  /// a static local): its readers are all in that unit.
  AttrUnitOnly = 4,
};

enum EdgeFlags : uint8_t {
  /// Go models a closure or box as a pointer to a spilled record; C++ copies
  /// the closure object by value. Bug mode adds one to Derefs on these edges.
  EdgeValueSpill = 1,
  /// Added by the bug-mode resolution of a store through a pointer.
  EdgeResolved = 2,
  /// A value a callee stored into an object (its summary says "content of
  /// this"): where in the object is not known, so only copies of the whole
  /// object carry it further.
  EdgeCallContent = 4,
  /// An owner's value holding its heap object (`u = std::make_unique<T>()`
  /// gives u the address of the new T). Go mode needs it for the object's
  /// verdict; bug mode drops it and keeps the models' view, where the owner
  /// stands for the object.
  EdgeOwnedAlloc = 8,
  /// A value a callee returns (its summary's flow to the result). With
  /// FieldR or FieldP it reads one field only (Summary.h, Leak::FieldR).
  EdgeCallResult = 16,
};

struct Edge {
  LocId Src = NoLoc;
  int Derefs = 0; // this = (Derefs) Src; -1 means "address of Src"
  uint8_t Flags = 0;
  StoreId Store = NoStore;
  /// For a read of a local variable's value: which read it is, so a store
  /// into the variable can say whether it reaches this read.
  uint32_t Read = 0;
  /// First-level field (or constant element) of the destination written, or
  /// of the source read; 0 for the whole object. Bug mode only.
  uint32_t FieldW = 0;
  uint32_t FieldR = 0;
  /// First-level field of the object the first dereference of Src (after
  /// FieldR) reaches, read there: `p->f`, `(*p).f`, `ref.f`. Recorded for
  /// summaries; bug mode checks it on summary edges only.
  uint32_t FieldP = 0;
  std::vector<Note> Notes;
  /// Taken only when a parameter of the edge's function has some value
  /// (the edge is inside `if (param)`); summaries carry it to callers.
  ParamGuard When;
};

/// Go's leaks tag: minimum derefs from a parameter to each sink, or -1.
struct Leaks {
  static constexpr int NumResults = 5;
  int Heap = -1;
  int Result[NumResults] = {-1, -1, -1, -1, -1};
  void addHeap(int D) { add(Heap, D); }
  void addResult(int I, int D) { add(Result[I], D); }
  /// Go's Optimize: a result flow at or above the heap level adds nothing.
  void optimize();
  bool empty() const;

private:
  static void add(int &Slot, int D) {
    if (D < 0)
      D = 0;
    if (Slot < 0 || D < Slot)
      Slot = D;
  }
};

/// How an allocation site allocates (Location::Alloc).
enum class AllocForm : uint8_t {
  None,
  New,        // new T
  NewArray,   // new T[N]
  MakeUnique, // std::make_unique<T>(...) held in a local std::unique_ptr
  MakeShared, // std::make_shared<T>(...) held in a local std::shared_ptr
  Vector,     // the element buffer of a local std::vector of constant size
};

/// Whether the pointer a `new` returns is deleted, on the paths from the
/// allocation to the function's exits (lowering's CFG analysis).
enum class FreeFacts : uint8_t {
  Unknown,   // not analysed (the pointer is not held in one local, ...)
  EveryPath, // every path deletes it, with the matching form of delete
  SomePaths, // some path leaves the function or reuses the variable first
  Never,     // no path deletes it
};

/// What lowering knows of an allocation site that the solver cannot: its
/// size, and how the program frees it. Whether the object escapes is the
/// solver's answer; these facts decide whether a non-escaping object could
/// live on the stack (lib/Findings/HeapAllocs.cpp).
struct AllocFacts {
  AllocForm Form = AllocForm::None;
  std::string Type; // the allocated type ("int", "S[4]"), for messages
  bool SizeKnown = false;
  uint64_t Bytes = 0; // when SizeKnown
  /// For New and NewArray: the local pointer variable the allocation is
  /// stored in (empty when it is not stored in one) and its deletes.
  std::string Holder;
  FreeFacts Freed = FreeFacts::Unknown;
  /// For the owner forms: the owning local keeps the object to its end of
  /// life (never moved out, released, reset, reassigned or, for a vector,
  /// grown); Holder names it.
  bool OwnerKeeps = false;
  /// Why the owner does not keep it ("moved out", "grows"), for notes.
  std::string OwnerChange;
  bool operator==(const AllocFacts &) const = default;
};

struct Location {
  LocKind Kind = LocKind::Temp;
  SinkKind Sink = SinkKind::None;
  /// For the sink of one variable with static storage: its id in the field
  /// table (as in Function::WritesFields); 0 for any other location.
  uint32_t Global = 0;
  std::string Name; // variable name, or a description for sites
  Pos Decl;
  FuncId Fn = NoFunc;
  ScopeId Scope = NoScope;
  int ResultIndex = 0; // 1-based for results
  bool IsReference = false; // a reference variable: it holds an address
  bool Extended = false;    // a temporary whose life a reference extends
  /// A variable or parameter whose type holds no pointer: Go mode prints
  /// no parameter verdict for it (Go's paramTag).
  bool PointerFree = false;
  /// A temp standing for the operand of a delete expression: the memory
  /// its value points to is freed there.
  bool Frees = false;
  /// For Kind == Alloc: lowering's facts about the allocation.
  Boxed<AllocFacts> Alloc;
  uint8_t Attrs = 0;
  std::vector<Edge> In; // incoming edges
  /// For Indirect: the temp holding the pointer that is stored through.
  LocId PtrOf = NoLoc;
  /// For Indirect resolved to caller memory: the parameter it goes through.
  LocId Via = NoLoc;
  /// For parameters: the reads their incoming value reaches.
  StoreId EntryStore = NoStore;
  Leaks ParamLeaks;
  /// For a named local or by-value parameter: the rewrite that would move it
  /// to the GC heap, or why there is none (HeapifyPlan.h).
  Boxed<HeapifyPlan> Heapify;

  // Solver scratch.
  int Derefs = 0;
  uint32_t WalkGen = 0;
  uint32_t QueuedOneGen = 0;
  LocId Dst = NoLoc;
  int DstEdge = -1;
  bool QueuedAll = false;

  bool has(uint8_t A) const { return (Attrs & A) != 0; }
  bool isParam() const {
    return Kind == LocKind::Param || Kind == LocKind::This;
  }
  /// Storage that lives on the stack and dies at a known point.
  bool isStackObject() const {
    return Kind == LocKind::Variable || Kind == LocKind::Param ||
           Kind == LocKind::Temporary || Kind == LocKind::Closure;
  }
};

struct Scope {
  ScopeId Parent = NoScope;
  FuncId Fn = NoFunc;
  uint32_t Depth = 0;
  /// Go's loop depth: only loop bodies (and looping labels) increase it.
  uint32_t LoopDepth = 1;
  /// A full-expression scope of a temporary: it ends with its statement.
  bool FullExpr = false;
};

/// Where `[[clang::lifetimebound]]` can be written for one slot of a function
/// (a reference or pointer parameter, or `this`): a byte offset in the first
/// declaration's file, for a fix-it. Computed by lowering, which alone reads
/// the AST.
struct AttrSpot {
  bool Eligible = false; // the slot could carry the attribute
  bool HasFix = false;   // Offset is meaningful (not inside a macro, ...)
  FileId File = 0;
  uint32_t Offset = 0;
  /// Why no fix-it is offered when Eligible && !HasFix.
  std::string NoFixReason;
};

struct Function {
  std::string Name;
  FuncId Parent = NoFunc; // the enclosing function of a lambda
  ScopeId BodyScope = NoScope;
  LocId Result = NoLoc;
  LocId This = NoLoc;
  std::vector<LocId> Params;
  Pos Where;
  bool IsLambda = false;
  bool ReturnsRef = false;
  /// The callee key that links calls in other translation units to this
  /// body (Clang's USR); empty for code no call can name (initializers).
  std::string Usr;
  /// USRs of the virtual methods this one overrides, directly or not.
  std::vector<std::string> Overrides;
  /// What attributes on the declaration promise ([[clang::lifetimebound]]).
  FunctionSummary Declared;
  /// Computed bottom-up by the interprocedural pass.
  FunctionSummary Summary;
  /// Indexed by slot (0 = this); empty for lambdas.
  std::vector<AttrSpot> LifetimeBoundSpots;
  /// Fields (Edge::FieldW ids, whatever the object) and variables with
  /// static storage (ids from the same table) the body assigns: a call to
  /// it may undo an earlier store into one (CallKills.cpp).
  std::vector<uint32_t> WritesFields; // sorted
  /// Variables with static storage (field-table ids) whose value the body
  /// may read: every use but being assigned as a whole (`g = v`). A global
  /// no function reads keeps nothing anyone can use (UnreadGlobals.cpp).
  std::vector<uint32_t> ReadsGlobals; // sorted
  /// Calls of the body made inside a loop (sorted): a loop around a wait
  /// step (a sleep, a condition-variable wait) waits until a condition
  /// holds (Waits.cpp).
  std::vector<CallId> LoopCalls;
};

/// A call whose effect depends on the callee's summary, a library model or
/// the unknown-call policy; resolved after linking.
struct CallSite {
  FuncId Caller = NoFunc;
  std::string Callee;     // the callee's USR; empty when no callee is known
  std::string ModelName;  // "std::vector::push_back": namespaces and classes
                          // without template arguments or inline namespaces
  std::string Display;    // short name for messages: 'id', 'S::S'
  Pos Where;
  bool Virtual = false;   // dispatch may reach any overrider
  bool Indirect = false;  // through a function pointer or a callable object
  bool Constructor = false;
  /// The callee is declared in a system header: library code, known only
  /// through models; never an "unknown" call Go's rule would escape.
  bool LibraryCallee = false;
  /// Temps holding what each slot receives: slot 0 is the object's address
  /// (NoLoc for free functions), slot i+1 the i-th argument (its address
  /// when the parameter is a reference).
  std::vector<LocId> Slots;
  std::vector<std::string> SlotNames; // parameter names for the notes
  /// What each slot points to, in the caller's words ("v", "*out").
  std::vector<std::string> SlotTexts;
  /// For a slot that points to a local variable: the store a callee's write
  /// into it would be (its CFG analysis says whether the written value is
  /// still there, and still read, when an object dies). NoStore otherwise.
  std::vector<StoreId> SlotStores;
  /// For a call that hands over the address of a local (an argument `&x`,
  /// the object of `x.f()`, the object a constructor builds): the objects
  /// that die after the call and the calls made before each dies, as for a
  /// store made at the call. What the callee keeps is judged with it: a
  /// later call may undo it or wait for the other thread. NoStore otherwise.
  StoreId After = NoStore;
  /// Identifies the object of a member call within the caller (the same
  /// container in `v.push_back(&x)` and `v.pop_back()`); empty if none.
  std::string ReceiverKey;
  /// The temp the call's value flows out of (its address when the callee
  /// returns a reference); NoLoc when the value is unused.
  LocId Result = NoLoc;
  /// What attributes on the declaration the call names promise.
  FunctionSummary Declared;
  /// Slots whose parameter is [[clang::noescape]] (indexed like Slots).
  std::vector<uint8_t> NoEscape;
  /// Slots whose pointee keeps no addresses it is given (an int, a string's
  /// chars): what a callee writes there carries no pointer (indexed like
  /// Slots; missing entries mean "may hold pointers").
  std::vector<uint8_t> PlainContent;
  /// Arguments that are integer constants (a literal, a default argument):
  /// SlotKnown[i] says whether SlotValues[i] is one (indexed like Slots).
  std::vector<uint8_t> SlotKnown;
  std::vector<int64_t> SlotValues;
};

/// Calls made on every path from a store to the point where Obj dies (NoLoc:
/// to the function's return).
struct CallsBefore {
  LocId Obj = NoLoc;
  std::vector<CallId> Calls; // sorted
  /// Calls inside loops every such path enters (not counting a loop the
  /// store itself is in): a loop that waits is a wait (Waits.cpp).
  std::vector<CallId> LoopCalls; // sorted
  /// Fields and globals (field ids) the function's own body assigns on
  /// every such path: they undo what a callee stored there.
  std::vector<uint32_t> Writes; // sorted
};

/// What a store is known to survive: the objects whose end of life the stored
/// value outlasts (still held, and for a local holder still read later).
struct Store {
  bool Conservative = true; // not analysed: assume it survives everything
  /// The function whose CFG was analysed, and whether the stored value is
  /// still there when it returns: objects of enclosing functions (a lambda's
  /// captures) die later, outside that CFG.
  FuncId Fn = NoFunc;
  bool OutlivesFunction = true;
  std::vector<LocId> Survives; // sorted
  bool survives(LocId Obj, FuncId ObjFn) const;
  /// For a store into a local: the reads of that local it reaches.
  bool TracksReads = false;
  std::vector<uint32_t> Reads; // sorted
  bool reaches(uint32_t Read) const;
  /// For a store into a field (`p->f = v`, `g.f = v`) of memory that is not
  /// a local, or into a global: the field or global (a field id), and for
  /// the objects in Survives (and the return)
  /// the calls that must happen before they die. A callee writing the same
  /// field may have undone the store (CallKills.cpp).
  uint32_t DstField = 0;
  std::vector<CallsBefore> KilledBy;
};

class Graph {
public:
  Graph();

  FileId internFile(const std::string &Path);
  /// Field ids (Edge::FieldW/FieldR) name the same field in every unit:
  /// the key is the field's USR (or "i<N>" for constant element N).
  uint32_t internField(const std::string &Key);
  size_t numFields() const { return FieldKeys.size(); }
  const std::string &fileName(FileId F) const { return Files[F]; }
  const std::vector<std::string> &files() const { return Files; }

  FuncId addFunction(Function F);
  ScopeId addScope(ScopeId Parent, FuncId Fn, bool FullExpr = false,
                   bool Loop = false);
  LocId addLocation(Location L);
  LocId addSink(SinkKind K, FuncId Fn, std::string Name, Pos Where = {});
  CallId addCallSite(CallSite C) {
    Calls.push_back(std::move(C));
    return static_cast<CallId>(Calls.size() - 1);
  }
  CallSite &call(CallId C) { return Calls[C]; }
  const CallSite &call(CallId C) const { return Calls[C]; }
  size_t numCalls() const { return Calls.size(); }
  StoreId addStore() {
    Stores.emplace_back();
    return static_cast<StoreId>(Stores.size() - 1);
  }

  /// Adds `Dst = (Derefs) Src`, with Go's shortcuts for no-op self flows.
  void addEdge(LocId Dst, LocId Src, int Derefs, uint8_t Flags = 0,
               StoreId St = NoStore, std::vector<Note> Notes = {},
               uint32_t Read = 0, uint32_t FieldW = 0, uint32_t FieldR = 0,
               uint32_t FieldP = 0);
  uint32_t newRead(FuncId Fn) {
    ReadFns.push_back(Fn);
    return NextRead++;
  }
  /// Does store St reach read R? A read in another function (a lambda
  /// reading a capture) is outside the store's CFG: assume it does.
  bool storeReaches(StoreId St, uint32_t R) const {
    const Store &S = Stores[St];
    if (R == 0 || R >= NextRead || ReadFns[R] != S.Fn)
      return true;
    return S.reaches(R);
  }

  Location &loc(LocId L) { return Locs[L]; }
  const Location &loc(LocId L) const { return Locs[L]; }
  size_t numLocs() const { return Locs.size(); }
  Function &func(FuncId F) { return Funcs[F]; }
  const Function &func(FuncId F) const { return Funcs[F]; }
  size_t numFuncs() const { return Funcs.size(); }
  const Scope &scope(ScopeId S) const { return Scopes[S]; }
  Store &store(StoreId S) { return Stores[S]; }
  const Store &store(StoreId S) const { return Stores[S]; }
  size_t numStores() const { return Stores.size(); }

  /// True if function Outer strictly encloses Inner (lambdas nest).
  bool containsClosure(FuncId Outer, FuncId Inner) const;
  /// True if scope A is a strict ancestor of scope B.
  bool scopeEncloses(ScopeId A, ScopeId B) const;

  /// The location whose address the caller sees as the result of F.
  LocId heapLoc() const { return HeapLoc; }

  /// Appends another translation unit's graph, dropping the functions whose
  /// USR already has a body here (inline functions and templates seen by
  /// several translation units): one definition, one set of findings.
  void link(const Graph &Other);
  /// The same, taking Other's contents instead of copying them (Other is
  /// left empty): a unit's strings and edges are not held twice.
  void link(Graph &&Other);

  /// The main source file the graph was lowered from (for ordering shards).
  std::string MainFile;

  friend struct GraphAccess; // serialization

private:
  void linkFrom(Graph &Other, bool Steal);

  std::vector<std::string> Files;
  std::unordered_map<std::string, FileId> FileIndex;
  std::vector<std::string> FieldKeys; // id - 1 -> key
  std::unordered_map<std::string, uint32_t> FieldIndex;
  ChunkedVector<Location> Locs;
  std::vector<Scope> Scopes;
  std::vector<Function> Funcs;
  std::vector<Store> Stores;
  ChunkedVector<CallSite> Calls;
  LocId HeapLoc = NoLoc;
  /// The USRs of the bodies link() has seen, for Funcs[0, BodiesUpTo):
  /// extended, not rebuilt, by each link (functions are only appended).
  std::unordered_set<std::string> Bodies;
  FuncId BodiesUpTo = 0;
  uint32_t NextRead = 1;
  std::vector<FuncId> ReadFns{NoFunc};
};

const char *sinkKindName(SinkKind K);

} // namespace cxxescape

#endif
