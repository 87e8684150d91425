//===- LowerTest.cpp - Clang AST to graph, construct by construct --------===//

#include "cxxescape/Engine.h"
#include "cxxescape/Graph.h"
#include "cxxescape/Lower.h"

#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"

#include "LoweringFixture.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace cxxescape;

namespace {

class LowerTest : public LoweringFixture {
protected:
  LocId find(const std::string &Name, LocKind K = LocKind::Variable) const {
    for (LocId I = 0; I < G.numLocs(); ++I)
      if (G.loc(I).Name == Name && G.loc(I).Kind == K)
        return I;
    return NoLoc;
  }
  LocId findKind(LocKind K, size_t Nth = 0) const {
    for (LocId I = 0; I < G.numLocs(); ++I)
      if (G.loc(I).Kind == K && Nth-- == 0)
        return I;
    return NoLoc;
  }
  LocId result(const std::string &Fn) const {
    for (FuncId F = 0; F < G.numFuncs(); ++F)
      if (G.func(F).Name == Fn)
        return G.func(F).Result;
    return NoLoc;
  }
  /// Is there an edge Dst = (Derefs) Src?
  bool edge(LocId Dst, LocId Src, int Derefs) const {
    if (Dst == NoLoc || Src == NoLoc)
      return false;
    for (const Edge &E : G.loc(Dst).In)
      if (E.Src == Src && E.Derefs == Derefs)
        return true;
    return false;
  }
  /// The value of the temp an Indirect store goes through.
  bool storesThrough(LocId Ind, LocId Pointer, int Derefs = 0) const {
    return Ind != NoLoc && edge(G.loc(Ind).PtrOf, Pointer, Derefs);
  }
};

TEST_F(LowerTest, AddressOfReturned) {
  lower("int *f() { int x = 0; return &x; }");
  EXPECT_TRUE(edge(result("f"), find("x"), -1));
}

TEST_F(LowerTest, ReturnByReferenceTakesTheAddress) {
  lower("int &f() { int x = 0; return x; }");
  EXPECT_TRUE(edge(result("f"), find("x"), -1));
}

TEST_F(LowerTest, ReferenceBindingAndUse) {
  lower("int *f(int &r) { int x = 0; int &q = x; (void)q; return &r; }");
  LocId Q = find("q");
  EXPECT_TRUE(G.loc(Q).IsReference);
  EXPECT_TRUE(edge(Q, find("x"), -1));
  // &r of a reference is the address it holds: a copy of r's value.
  EXPECT_TRUE(edge(result("f"), find("r", LocKind::Param), 0));
}

TEST_F(LowerTest, PointerCopyAndDereference) {
  lower("void f(int **pp) { int x; int *p = &x; int *q = p; int *r = *pp; "
        "(void)q; (void)r; }");
  EXPECT_TRUE(edge(find("p"), find("x"), -1));
  EXPECT_TRUE(edge(find("q"), find("p"), 0));
  EXPECT_TRUE(edge(find("r"), find("pp", LocKind::Param), 1));
}

TEST_F(LowerTest, DotAndArrowAreFieldInsensitive) {
  lower("struct S { int *p; }; void f(S *ps) { S s; int *a = s.p; "
        "int *b = ps->p; (void)a; (void)b; }");
  EXPECT_TRUE(edge(find("a"), find("s"), 0));
  EXPECT_TRUE(edge(find("b"), find("ps", LocKind::Param), 1));
}

TEST_F(LowerTest, ArrayDecayAndSubscripts) {
  lower("void f(int **pa) { int a[3]; int *p = a; int *arr[2]; "
        "int *q = arr[0]; int *r = pa[1]; (void)p; (void)q; (void)r; }");
  EXPECT_TRUE(edge(find("p"), find("a"), -1));
  EXPECT_TRUE(edge(find("q"), find("arr"), 0));
  EXPECT_TRUE(edge(find("r"), find("pa", LocKind::Param), 1));
}

TEST_F(LowerTest, CastsConditionalAndComma) {
  lower("void f(bool c) { int x, y, z; void *v = (void *)&x; "
        "int *p = c ? &y : &z; int *q = (0, &x); (void)v; (void)p; (void)q; }");
  EXPECT_TRUE(edge(find("v"), find("x"), -1));
  EXPECT_TRUE(edge(find("p"), find("y"), -1));
  EXPECT_TRUE(edge(find("p"), find("z"), -1));
  EXPECT_TRUE(edge(find("q"), find("x"), -1));
}

TEST_F(LowerTest, CompoundInitializationAndAssignment) {
  lower("struct S { int *p; int &r; }; void f() { int x, y; S s{&x, y}; "
        "int *q; q = &x; (void)s; (void)q; }");
  EXPECT_TRUE(edge(find("s"), find("x"), -1));
  EXPECT_TRUE(edge(find("s"), find("y"), -1)); // the reference member binds
  EXPECT_TRUE(edge(find("q"), find("x"), -1));
}

TEST_F(LowerTest, GlobalsStaticsAndThreadLocals) {
  lower("int *g; void f() { int x; static int *s = &x; thread_local int *t; "
        "t = &x; g = &x; }");
  LocId X = find("x");
  int Sinks = 0;
  for (LocId I = 0; I < G.numLocs(); ++I)
    if (G.loc(I).Kind == LocKind::Sink && G.loc(I).Sink == SinkKind::Global &&
        edge(I, X, -1))
      ++Sinks;
  EXPECT_EQ(Sinks, 3);
}

TEST_F(LowerTest, ReadsOfGlobalsAreEveryUseButAWholeAssignment) {
  lower("int *g; int *h; int *&ref = h; struct S { static int *m; int *d = g; };"
        "int *S::m;"
        "struct T { int *p; };"
        "T t;"
        "void assigns(S s) { int x; g = &x; s.m = &x; S::m = &x; (g) = &x;"
        "  t = T{&x}; ref = &x; }"
        "int *loads() { return g; }"
        "void taken() { int **pp = &h; int *&r = S::m; (void)pp; (void)r; }"
        "void compound() { g += 1; t.p = nullptr; }"
        "void captured() { auto f = [c = g] { return S::m; }; (void)f; }");
  // Globals are named by their USRs in the field table.
  size_t Fields = G.numFields();
  uint32_t GId = G.internField("fc:@g"), HId = G.internField("fc:@h");
  uint32_t MId = G.internField("fc:@S@S@m"), TId = G.internField("fc:@t");
  uint32_t RefId = G.internField("fc:@ref");
  ASSERT_EQ(G.numFields(), Fields) << "a global was not interned";
  LocId GSink = find("global 'g'", LocKind::Sink);
  ASSERT_NE(GSink, NoLoc);
  EXPECT_EQ(G.loc(GSink).Global, GId);
  auto Reads = [&](const std::string &Fn) {
    for (FuncId F = 0; F < G.numFuncs(); ++F)
      if (G.func(F).Name == Fn)
        return G.func(F).ReadsGlobals;
    ADD_FAILURE() << "no function " << Fn;
    return std::vector<uint32_t>{};
  };
  auto Sorted = [](std::vector<uint32_t> V) {
    std::sort(V.begin(), V.end());
    return V;
  };
  // Assigned whole (t by its trivial assignment operator): not read; a
  // reference global is read to find what it refers to.
  EXPECT_EQ(Reads("assigns"), std::vector<uint32_t>{RefId});
  EXPECT_EQ(Reads("loads"), std::vector<uint32_t>{GId});
  EXPECT_EQ(Reads("taken"), Sorted({HId, MId}));
  EXPECT_EQ(Reads("compound"), Sorted({GId, TId}));
  // The init capture is evaluated by the enclosing function, the body by
  // the lambda.
  EXPECT_EQ(Reads("captured"), std::vector<uint32_t>{GId});
  // The default member initializer of S::d runs in S's implicit
  // constructors: it gets a function of its own.
  EXPECT_EQ(Reads("the default member initializer of 'S::d'"),
            std::vector<uint32_t>{GId});
}

TEST_F(LowerTest, StoresThroughPointerAndReferenceParameters) {
  lower("void f(int **out, int *&ref) { int x; *out = &x; ref = &x; }");
  LocId Out = find("out", LocKind::Param), Ref = find("ref", LocKind::Param);
  LocId I0 = findKind(LocKind::Indirect, 0), I1 = findKind(LocKind::Indirect, 1);
  EXPECT_TRUE(storesThrough(I0, Out));
  EXPECT_TRUE(edge(I0, find("x"), -1));
  EXPECT_TRUE(storesThrough(I1, Ref));
}

TEST_F(LowerTest, MembersOfThisExplicitAndImplicit) {
  lower("struct S { int *p; void set() { int x; p = &x; this->p = &x; } };");
  LocId This = findKind(LocKind::This);
  ASSERT_NE(This, NoLoc);
  EXPECT_TRUE(storesThrough(findKind(LocKind::Indirect, 0), This));
  EXPECT_TRUE(storesThrough(findKind(LocKind::Indirect, 1), This));
}

TEST_F(LowerTest, BlockScopesAndLoopsNest) {
  lower("void f() { int *p; { int x; p = &x; } for (int i = 0; i < 2; ++i) "
        "{ int y; p = &y; } }");
  EXPECT_TRUE(G.scopeEncloses(G.loc(find("p")).Scope, G.loc(find("x")).Scope));
  const Scope &Y = G.scope(G.loc(find("y")).Scope);
  EXPECT_GT(Y.LoopDepth, G.scope(G.loc(find("p")).Scope).LoopDepth);
}

TEST_F(LowerTest, TemporariesAndLifetimeExtension) {
  lower("void f() { const int &r = 5; "
        "const int *p = &static_cast<const int &>(6); (void)r; (void)p; }");
  LocId T0 = findKind(LocKind::Temporary, 0), T1 = findKind(LocKind::Temporary, 1);
  ASSERT_NE(T0, NoLoc);
  ASSERT_NE(T1, NoLoc);
  // Extended: lives in r's scope. Not extended: a full-expression scope.
  EXPECT_EQ(G.loc(T0).Scope, G.loc(find("r")).Scope);
  EXPECT_TRUE(G.scope(G.loc(T1).Scope).FullExpr);
  EXPECT_TRUE(edge(find("p"), T1, -1));
}

TEST_F(LowerTest, LambdaCaptures) {
  lower("struct S { int m; void g() { int x; int *p = &x; "
        "auto a = [&x] { return x; }; auto b = [p] { return p; }; "
        "auto c = [q = &x] { return q; }; auto d = [this] { return m; }; "
        "(void)a; (void)b; (void)c; (void)d; } };");
  LocId X = find("x"), P = find("p"), Q = find("q");
  LocId A = findKind(LocKind::Closure, 0), B = findKind(LocKind::Closure, 1),
        C = findKind(LocKind::Closure, 2), D = findKind(LocKind::Closure, 3);
  EXPECT_TRUE(edge(A, X, -1));
  EXPECT_TRUE(edge(B, P, 0));
  EXPECT_TRUE(edge(Q, X, -1));
  EXPECT_TRUE(edge(C, Q, 0));
  EXPECT_TRUE(edge(D, findKind(LocKind::This), 0));
  // The closure value flows into the variable (a Go spill, a C++ copy).
  for (const Edge &E : G.loc(find("a")).In)
    if (E.Src == A)
      EXPECT_TRUE(E.Flags & EdgeValueSpill);
}

TEST_F(LowerTest, LambdaBodyIsANestedFunction) {
  lower("int *g; void f() { int x; [&] { g = &x; }(); }");
  bool Nested = false;
  for (FuncId F = 0; F < G.numFuncs(); ++F)
    Nested |= G.func(F).IsLambda && G.func(F).Parent != NoFunc;
  EXPECT_TRUE(Nested);
}

TEST_F(LowerTest, StdFunctionConversionCopiesTheClosure) {
  lower("namespace std { template <class> class function; "
        "template <class R, class... A> class function<R(A...)> { "
        "public: template <class F> function(F f) : p(new F(f)) {} void *p; }; }"
        "std::function<int()> f() { int x = 0; return [&] { return x; }; }");
  EXPECT_NE(findKind(LocKind::Closure), NoLoc);
  // The closure reaches the result through the conversion.
  LocId R = result("f");
  ASSERT_NE(R, NoLoc);
  EXPECT_FALSE(G.loc(R).In.empty());
}

TEST_F(LowerTest, ThrowGoesToTheThrowSink) {
  lower("void f() { int x; throw &x; }");
  bool Found = false;
  for (LocId I = 0; I < G.numLocs(); ++I)
    if (G.loc(I).Sink == SinkKind::Throw)
      Found |= edge(I, find("x"), -1);
  EXPECT_TRUE(Found);
}

TEST_F(LowerTest, StructuredBindingsReferToTheHiddenObject) {
  lower("struct P { int a, b; }; int *f() { P s{1, 2}; auto &[a, b] = s; "
        "return &a; }");
  LocId Hidden = find("[a, b]");
  ASSERT_NE(Hidden, NoLoc);
  EXPECT_TRUE(edge(Hidden, find("s"), -1));
  EXPECT_TRUE(edge(result("f"), Hidden, 0));
}

TEST_F(LowerTest, RangeForBindsElementsOfTheRange) {
  lower("int *keep; void f() { int arr[3] = {}; for (int &e : arr) "
        "keep = &e; }");
  LocId E = find("e");
  ASSERT_NE(E, NoLoc);
  EXPECT_TRUE(G.loc(E).IsReference);
  EXPECT_FALSE(G.loc(E).In.empty());
}

TEST_F(LowerTest, CallArgumentsGoToCallSiteSlots) {
  lower("void use(int *, int &); void f() { int x, y; use(&x, y); }");
  ASSERT_EQ(G.numCalls(), 1u);
  const CallSite &C = G.call(0);
  EXPECT_EQ(C.ModelName, "use");
  EXPECT_FALSE(C.Callee.empty());
  ASSERT_EQ(C.Slots.size(), 3u);
  EXPECT_EQ(C.Slots[0], NoLoc); // a free function has no object
  EXPECT_TRUE(edge(C.Slots[1], find("x"), -1));
  // A reference parameter receives the address of its argument.
  EXPECT_TRUE(edge(C.Slots[2], find("y"), -1));
  EXPECT_EQ(C.SlotNames[1], "#1");
}

TEST_F(LowerTest, ModelNamesDropTemplateArgumentsAndInlineNamespaces) {
  lower("namespace std { inline namespace __1 { template <class T> struct "
        "vector { void push_back(const T &); }; } }"
        "void f() { int x; std::vector<int *> v; v.push_back(&x); }");
  ASSERT_EQ(G.numCalls(), 1u);
  EXPECT_EQ(G.call(0).ModelName, "std::vector::push_back");
  // The receiver slot holds the object's address.
  EXPECT_TRUE(edge(G.call(0).Slots[0], find("v"), -1));
}

TEST_F(LowerTest, ConstructorSlotIsTheConstructedObject) {
  lower("struct S { int *p; S(int *q); }; void f() { int x; S s(&x); }");
  ASSERT_EQ(G.numCalls(), 1u);
  EXPECT_TRUE(G.call(0).Constructor);
  EXPECT_TRUE(edge(G.call(0).Slots[0], find("s"), -1));
}

TEST_F(LowerTest, LifetimeboundIsADeclaredSummary) {
  lower("int &pick(int &a [[clang::lifetimebound]], int &b);"
        "void f() { int x, y; pick(x, y); }");
  ASSERT_EQ(G.numCalls(), 1u);
  const FunctionSummary &D = G.call(0).Declared;
  ASSERT_NE(D.slotOrNull(1), nullptr);
  const Leak *L = D.slotOrNull(1)->find(LeakSink::Result);
  ASSERT_NE(L, nullptr);
  EXPECT_EQ(L->Derefs, 0);
  EXPECT_TRUE(D.slotOrNull(2) == nullptr || D.slotOrNull(2)->Leaks.empty());
}

// A call with no body, model or attribute is optimistic; a body is seen.
TEST(EngineTest, CallsSeeThroughBodiesOnly) {
  auto AST = clang::tooling::buildASTFromCodeWithArgs(
      "void keep(int *); int *id(int *p) { return p; }"
      "void f() { int x; keep(&x); }"
      "int *g() { int y; return id(&y); }",
      {"-std=c++20", "-w"}, "input.cpp");
  ASSERT_TRUE(AST);
  EngineOptions Opts;
  Opts.Interprocedural = false;
  EXPECT_TRUE(analyzeTranslationUnit(AST->getASTContext(), Opts).empty())
      << "calls are seen through only when asked";
  EXPECT_TRUE(EngineOptions().Interprocedural) << "asked by default";
  Opts.Interprocedural = true;
  auto Findings = analyzeTranslationUnit(AST->getASTContext(), Opts);
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_EQ(Findings[0].Rule, "escape-return");
  EXPECT_NE(Findings[0].Message.find("'y'"), std::string::npos);
}

TEST(EngineTest, FindingsCarryRuleAndFlow) {
  auto AST = clang::tooling::buildASTFromCodeWithArgs(
      "int *f() { int x; int *p = &x; return p; }", {"-std=c++20", "-w"},
      "input.cpp");
  ASSERT_TRUE(AST);
  EngineOptions Opts;
  auto Findings = analyzeTranslationUnit(AST->getASTContext(), Opts);
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_EQ(Findings[0].Rule, "escape-return");
  EXPECT_EQ(Findings[0].Where.Line, 1u);
  ASSERT_GE(Findings[0].Notes.size(), 2u);
  EXPECT_EQ(Findings[0].Notes[0].Message, "'x' declared here");
  EXPECT_EQ(Findings[0].Notes[1].Message, "'p' takes the address of 'x'");
}

TEST(EngineTest, ChecksFilterRules) {
  auto AST = clang::tooling::buildASTFromCodeWithArgs(
      "int *g; int use() { return *g; }"
      "int *f() { int x; g = &x; int y; return &y; }",
      {"-std=c++20", "-w"}, "input.cpp");
  ASSERT_TRUE(AST);
  EngineOptions Opts;
  Opts.Checks = CheckFilter("-*,escape-global");
  auto Findings = analyzeTranslationUnit(AST->getASTContext(), Opts);
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_EQ(Findings[0].Rule, "escape-global");
}

} // namespace
