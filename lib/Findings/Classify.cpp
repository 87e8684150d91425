//===- Classify.cpp - Rule, message and flow notes per witness ------------===//

#include "cxxescape/Classify.h"
#include "cxxescape/Fixes.h"

namespace cxxescape {

namespace {

class Classifier {
public:
  Classifier(const Graph &G, const Solver &S) : G(G), S(S) {}
  Finding classify(const Witness &W);

private:
  std::string objectDesc(const Location &X) const;
  std::string shortName(LocId L) const;
  std::string holderPhrase(LocId H, LocId X, int Depth) const;
  std::string ruleFor(LocId H, int Depth) const;
  std::string fnName(FuncId F) const;
  SourceSpot spot(Pos P) const {
    return {G.fileName(P.File), P.Line, P.Col};
  }
  std::string stepText(const FlowStep &Step) const;

  const Graph &G;
  const Solver &S;
};

std::string Classifier::fnName(FuncId F) const {
  if (F == NoFunc)
    return "the function";
  const Function &Fn = G.func(F);
  return Fn.IsLambda ? std::string("the lambda") : "'" + Fn.Name + "'";
}

std::string Classifier::objectDesc(const Location &X) const {
  switch (X.Kind) {
  case LocKind::Param:
    return "parameter '" + X.Name + "'";
  case LocKind::Temporary:
    return X.Name;
  case LocKind::Closure:
    return "lambda object";
  default:
    return "local variable '" + X.Name + "'";
  }
}

std::string Classifier::shortName(LocId L) const {
  const Location &Loc = G.loc(L);
  switch (Loc.Kind) {
  case LocKind::Variable:
  case LocKind::Param:
    return "'" + Loc.Name + "'";
  case LocKind::This:
    return "'this'";
  case LocKind::Temporary:
    return "a " + Loc.Name;
  case LocKind::Closure:
    return "the lambda";
  case LocKind::Alloc:
    return "heap object '" + Loc.Name + "'";
  case LocKind::Indirect:
    return "'" + Loc.Name + "'";
  case LocKind::Result:
    return Loc.Name;
  case LocKind::Sink:
    return Loc.Name;
  case LocKind::Temp:
    return Loc.Name.empty() ? std::string("a temporary value") : Loc.Name;
  }
  return "?";
}

std::string Classifier::holderPhrase(LocId HId, LocId XId, int Depth) const {
  const Location &H = G.loc(HId);
  switch (H.Kind) {
  case LocKind::Result:
    return "returned from " + fnName(H.Fn);
  case LocKind::Sink:
    if (H.Sink == SinkKind::Throw)
      return "thrown out of " + fnName(G.loc(XId).Fn);
    if (H.Sink == SinkKind::Thread)
      return "kept by another thread";
    return "stored in " + H.Name;
  case LocKind::Indirect:
    if (H.Sink == SinkKind::Member)
      return H.Name == "*this" ? std::string("stored in '*this'")
                               : "stored in member '" + H.Name +
                                     "' of '*this'";
    if (H.Sink == SinkKind::OutParam && H.Via != NoLoc)
      return "stored in '" + H.Name + "' through parameter '" +
             G.loc(H.Via).Name + "'";
    return "stored in '" + H.Name + "', which points into global memory";
  case LocKind::Alloc: {
    LocId Root = S.escapeRoot(HId);
    std::string How = (Root != NoLoc && Depth < 4)
                          ? ", which is " + holderPhrase(Root, HId, Depth + 1)
                          : ", which outlives it";
    return "stored in heap object '" + H.Name + "'" + How;
  }
  default:
    if (G.containsClosure(H.Fn, G.loc(XId).Fn))
      return "kept in '" + H.Name + "' of the enclosing function";
    return "kept in '" + H.Name + "', which outlives " +
           (G.loc(XId).Kind == LocKind::Temporary
                ? std::string("the full-expression")
                : "the scope of '" + G.loc(XId).Name + "'");
  }
}

std::string Classifier::ruleFor(LocId HId, int Depth) const {
  const Location &H = G.loc(HId);
  switch (H.Kind) {
  case LocKind::Result:
    return "escape-return";
  case LocKind::Sink:
    return H.Sink == SinkKind::Throw ? "escape-throw" : "escape-global";
  case LocKind::Indirect:
    if (H.Sink == SinkKind::Member)
      return "escape-member";
    if (H.Sink == SinkKind::OutParam)
      return "escape-outparam";
    return "escape-global";
  case LocKind::Alloc: {
    LocId Root = S.escapeRoot(HId);
    if (Root != NoLoc && Depth < 4)
      return ruleFor(Root, Depth + 1);
    return "escape-global";
  }
  default:
    return "escape-scope";
  }
}

/// The words a call site put on an edge: "passed to parameter 'p' of 'id',
/// which returns it". Empty for edges not made from a summary or model.
std::string callText(const Edge &E) {
  for (const Note &N : E.Notes)
    if (N.Why == "call")
      return N.Text;
  return "";
}

/// The kind of library flow an edge stands for, if any.
bool hasKind(const Edge &E, const char *Kind) {
  for (const Note &N : E.Notes)
    if (N.Why == Kind)
      return true;
  return false;
}

/// A store a call made through one of its arguments: its call note already
/// says where the value went.
bool isCallContent(const Location &L) {
  if (L.Kind != LocKind::Indirect || L.In.empty())
    return false;
  for (const Edge &E : L.In)
    if (callText(E).empty())
      return false;
  return true;
}

std::string Classifier::stepText(const FlowStep &Step) const {
  const Location &D = G.loc(Step.Dst);
  const Edge &E = D.In[Step.EdgeIndex];
  if (std::string T = callText(E); !T.empty())
    return (E.Derefs < 0 ? "the address of " : "") + T;
  const Location &Src = G.loc(E.Src);
  std::string Dst = shortName(Step.Dst), From = shortName(E.Src);
  bool Captured = false;
  for (const Note &N : E.Notes)
    Captured |= N.Why == "captured by a closure";
  if (D.Kind == LocKind::Closure && Captured)
    return E.Derefs < 0 ? "the lambda captures " + From + " by reference"
                        : "the lambda captures " + From + " by copy";
  if (D.Kind == LocKind::Result)
    return (E.Derefs < 0 ? "the address of " + From
                         : From) +
           " is returned";
  if (D.Kind == LocKind::Sink && D.Sink == SinkKind::Throw)
    return (E.Derefs < 0 ? "the address of " + From : From) + " is thrown";
  if (E.Derefs < 0) {
    if (D.IsReference)
      return Dst + " is bound to " + From;
    return Dst + " takes the address of " + From;
  }
  if (E.Flags & EdgeResolved)
    return From + " is stored through a pointer into " + Dst;
  if (E.Derefs == 0)
    return Dst + " receives " + From;
  (void)Src;
  return Dst + " receives a value loaded through " + From;
}

Finding Classifier::classify(const Witness &W) {
  const Location &X = G.loc(W.Object);
  Finding F;
  std::string Obj = objectDesc(X);
  std::string Holder = holderPhrase(W.Holder, W.Object, 0);
  // When the object dies: with its function, or with an inner block.
  bool Temp = X.Kind == LocKind::Temporary;
  std::string Subject = Temp ? std::string("the temporary") : "'" + X.Name + "'";
  bool InnerBlock = X.Fn != NoFunc && X.Scope != G.func(X.Fn).BodyScope;
  std::string Dies = Subject + " is destroyed " +
                     (InnerBlock ? std::string("at the end of its scope")
                                 : "when " + fnName(X.Fn) + " returns");

  // Through a closure: by reference, or as a copied pointer.
  bool ByReference = false;
  for (const FlowStep &Step : W.Steps) {
    const Location &D = G.loc(Step.Dst);
    if (D.Kind == LocKind::Closure) {
      ByReference = D.In[Step.EdgeIndex].Derefs < 0;
      break;
    }
  }

  // Library flows name the rule: a thread, a container, a view.
  bool Thread = G.loc(W.Holder).Kind == LocKind::Sink &&
                G.loc(W.Holder).Sink == SinkKind::Thread;
  bool Container = false, View = false;
  for (const FlowStep &Step : W.Steps) {
    const Edge &E = G.loc(Step.Dst).In[Step.EdgeIndex];
    Thread |= hasKind(E, "thread");
    Container |= hasKind(E, "container");
    View |= hasKind(E, "view");
  }
  bool Unknown = G.loc(W.Holder).Kind == LocKind::Sink &&
                 G.loc(W.Holder).Sink == SinkKind::Call;

  if (Unknown) {
    F.Rule = "escape-unknown-call";
    F.Message = "address of " + Obj + " is passed to " +
                G.loc(W.Holder).Name +
                ", which is not analysed and may keep it; " + Dies;
  } else if (Temp && !X.Extended) {
    F.Rule = "escape-temporary";
    const Location &H = G.loc(W.Holder);
    std::string Kept = (H.Kind == LocKind::Variable || H.Kind == LocKind::Param)
                           ? "kept in '" + H.Name + "'"
                           : Holder;
    F.Message = Obj + " is destroyed at the end of the full-expression, but "
                      "its address is " +
                Kept;
  } else if (Thread) {
    F.Rule = "escape-thread";
    const Location &H = G.loc(W.Holder);
    bool Detached = H.Kind == LocKind::Sink && H.Sink == SinkKind::Thread;
    std::string What =
        W.ThroughClosure ? (ByReference ? "lambda capturing " + Obj +
                                              " by reference"
                                        : "lambda holding the address of " +
                                              Obj)
                         : "address of " + Obj;
    F.Message = What + " is handed to a thread that " +
                (Detached ? std::string("may outlive it") : "is " + Holder) +
                "; " + Dies;
  } else if (Container) {
    F.Rule = "escape-container";
    F.Message = "address of " + Obj +
                " is inserted into a container that is " + Holder + "; " +
                Dies;
  } else if (View) {
    F.Rule = "escape-view";
    F.Message = "a view into " + Obj + " is " + Holder + "; " + Dies;
  } else if (W.ThroughClosure) {
    F.Rule = "escape-lambda";
    F.Message = (ByReference ? "lambda capturing " + Obj + " by reference"
                             : "lambda holding the address of " + Obj) +
                " is " + Holder + "; " + Dies;
  } else {
    F.Rule = ruleFor(W.Holder, 0);
    bool RefReturn = G.loc(W.Holder).Kind == LocKind::Result &&
                     G.func(G.loc(W.Holder).Fn).ReturnsRef &&
                     W.Steps.size() == 1;
    F.Message = std::string(RefReturn ? "reference to " : "address of ") +
                Obj + " is " + Holder + "; " + Dies;
  }

  // The warning sits on the statement that lets the address outlive X.
  const Edge &Last = G.loc(W.Steps.back().Dst).In[W.Steps.back().EdgeIndex];
  Pos Where = !Last.Notes.empty() ? Last.Notes.front().Where : X.Decl;
  if (!Where.valid())
    Where = X.Decl;
  F.Where = spot(Where);

  F.Notes.push_back({spot(X.Decl), (Temp
                                        ? std::string("the temporary is created here")
                                        : "'" + X.Name + "' declared here")});
  for (size_t I = 0; I < W.Steps.size(); ++I) {
    const FlowStep &Step = W.Steps[I];
    const Location &D = G.loc(Step.Dst);
    if (D.Kind == LocKind::Temp && callText(D.In[Step.EdgeIndex]).empty())
      continue;
    const Edge &E = D.In[Step.EdgeIndex];
    if (E.Flags & EdgeResolved && isCallContent(G.loc(E.Src)))
      continue;
    // Copies into a short-lived temporary are plumbing, not a step.
    if (D.Kind == LocKind::Temporary && !D.Extended && E.Derefs >= 0 &&
        Step.Dst != W.Object)
      continue;
    Pos P = !E.Notes.empty() ? E.Notes.front().Where : D.Decl;
    if (!P.valid())
      continue;
    // The warning itself states the last step, unless a callee took it.
    if (I + 1 == W.Steps.size() && P == Where && callText(E).empty())
      continue;
    F.Notes.push_back({spot(P), stepText(Step)});
  }
  return F;
}

} // namespace

std::vector<Finding> classifyWitnesses(const Graph &G, const Solver &S,
                                       const std::vector<Witness> &Ws) {
  Classifier C(G, S);
  std::vector<Finding> Out;
  for (const Witness &W : Ws)
    if (!W.Steps.empty()) {
      Out.push_back(C.classify(W));
      attachHeapifyFix(G, W, Out.back());
    }
  return Out;
}

} // namespace cxxescape
