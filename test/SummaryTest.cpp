//===- SummaryTest.cpp - Leak encoding, computed summaries, SCC solving ---===//

#include "cxxescape/Components.h"
#include "cxxescape/Engine.h"
#include "cxxescape/Interprocedural.h"
#include "cxxescape/Summary.h"

#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"

#include <gtest/gtest.h>

using namespace cxxescape;

namespace {

TEST(LeakEncoding, AddKeepsTheMinimumPerTarget) {
  SlotSummary S;
  EXPECT_TRUE(S.add({LeakSink::Result, 2, -1, "", ""}));
  EXPECT_TRUE(S.add({LeakSink::Result, 0, -1, "", ""}));
  EXPECT_FALSE(S.add({LeakSink::Result, 1, -1, "", ""}));
  EXPECT_TRUE(S.add({LeakSink::Content, 1, 0, "", ""}));
  EXPECT_TRUE(S.add({LeakSink::Content, 1, 2, "", ""})); // another slot
  ASSERT_EQ(S.Leaks.size(), 3u);
  EXPECT_EQ(S.find(LeakSink::Result)->Derefs, 0);
  EXPECT_EQ(S.find(LeakSink::Content, 2)->Derefs, 1);
  EXPECT_EQ(S.find(LeakSink::Heap), nullptr);
}

TEST(LeakEncoding, ConditionalFlowsGiveWayToUnconditionalOnes) {
  ParamGuard IfCopy{2, 0, false}; // parameter 2 != 0
  SlotSummary S;
  EXPECT_TRUE(S.add({LeakSink::Content, 0, ThisSlot, "", "", IfCopy}));
  // Another condition on the same target is kept beside it.
  EXPECT_TRUE(
      S.add({LeakSink::Content, 0, ThisSlot, "", "", IfCopy.negated()}));
  EXPECT_EQ(S.Leaks.size(), 2u);
  // The unconditional flow replaces both; a conditional one at a level at or
  // above it adds nothing afterwards.
  EXPECT_TRUE(S.add({LeakSink::Content, 0, ThisSlot, "", ""}));
  ASSERT_EQ(S.Leaks.size(), 1u);
  EXPECT_TRUE(S.Leaks[0].When.none());
  EXPECT_FALSE(S.add({LeakSink::Content, 1, ThisSlot, "", "", IfCopy}));
  EXPECT_TRUE(IfCopy.holds(1));
  EXPECT_FALSE(IfCopy.holds(0));
  EXPECT_TRUE(IfCopy.negated().holds(0));
  EXPECT_EQ(describeLeak({LeakSink::Result, 0, -1, "", "", IfCopy}, {}),
            "result level=0 if #2 != 0");
}

TEST(LeakEncoding, MergeReportsChangeAndDescribeReadsLikeGo) {
  FunctionSummary A, B;
  B.slot(1).add({LeakSink::Content, 0, ThisSlot, "container", ""});
  EXPECT_TRUE(A.merge(B));
  EXPECT_FALSE(A.merge(B));
  EXPECT_FALSE(A.empty());
  EXPECT_EQ(describeLeak(A.Slots[1].Leaks[0], {"this", "p"}),
            "content of this level=0 (container)");
  EXPECT_EQ(describeLeak({LeakSink::Result, 1, -1, "", ""}, {}),
            "result level=1");
  EXPECT_EQ(describeLeak({LeakSink::Content, 0, 1, "", ""}, {"this", "out"}),
            "content of out level=0");
}

TEST(LeakEncoding, OneFieldFlowsAndTheWholeObject) {
  SlotSummary S;
  Leak Out{LeakSink::Result, 0, -1, "", "", {}, 7};
  EXPECT_TRUE(S.add(Out));
  EXPECT_FALSE(S.add(Out));
  Leak Deeper = Out;
  Deeper.Derefs = 1;
  EXPECT_FALSE(S.add(Deeper)); // the same field, more derefs
  // A field of what the parameter points to is another flow.
  EXPECT_TRUE(S.add({LeakSink::Result, 1, -1, "", "", {}, 0, 7}));
  EXPECT_EQ(S.Leaks.size(), 2u);
  // Another field to the same target at the same level: the whole object,
  // which covers every field flow at that level or deeper.
  EXPECT_TRUE(S.add({LeakSink::Result, 0, -1, "", "", {}, 8}));
  ASSERT_EQ(S.Leaks.size(), 1u);
  EXPECT_TRUE(S.Leaks[0].wholeObject());
  EXPECT_EQ(S.Leaks[0].Derefs, 0);
  EXPECT_FALSE(S.add(Out));
  // A field flow never covers the whole object.
  SlotSummary T;
  EXPECT_TRUE(T.add(Out));
  EXPECT_TRUE(T.add({LeakSink::Result, 1, -1, "", ""}));
  EXPECT_EQ(T.Leaks.size(), 2u);
  SlotSummary U;
  EXPECT_TRUE(U.add({LeakSink::Result, 2, -1, "", ""}));
  EXPECT_TRUE(U.add({LeakSink::Result, 1, -1, "", "", {}, 0, 9}));
  EXPECT_EQ(U.find(LeakSink::Result)->Derefs, 1); // the fewest derefs
  EXPECT_EQ(describeLeak(Out, {}), "result level=0 field #7");
  EXPECT_EQ(describeLeak({LeakSink::Content, 1, 0, "", "", {}, 0, 3}, {"this"}),
            "content of this level=1 field ->#3");
}

class ComputedSummaryTest : public ::testing::Test {
protected:
  std::unique_ptr<clang::ASTUnit> AST;
  Graph G;
  ProgramStats Stats;

  void solve(const std::string &Code) {
    AST = clang::tooling::buildASTFromCodeWithArgs(Code, {"-std=c++20", "-w"},
                                                   "input.cpp");
    ASSERT_TRUE(AST);
    G = lowerUnit(AST->getASTContext());
    ModelSet None;
    // One unit, and the whole program.
    solveCallsBugMode(G, None, UnknownCalls::Ignore, Stats, true, true);
  }
  const FunctionSummary &summary(const std::string &Name) {
    for (FuncId F = 0; F < G.numFuncs(); ++F)
      if (G.func(F).Name == Name)
        return G.func(F).Summary;
    ADD_FAILURE() << "no function " << Name;
    static FunctionSummary Empty;
    return Empty;
  }
  const Leak *leak(const std::string &Fn, int Slot, LeakSink S,
                   int Content = -1) {
    const SlotSummary *SS = summary(Fn).slotOrNull(Slot);
    return SS ? SS->find(S, Content) : nullptr;
  }
  /// The derefs of slot's flow to the target, or -1.
  int level(const std::string &Fn, int Slot, LeakSink S, int Content = -1) {
    const SlotSummary *SS = summary(Fn).slotOrNull(Slot);
    const Leak *L = SS ? SS->find(S, Content) : nullptr;
    return L ? L->Derefs : -1;
  }
};

TEST_F(ComputedSummaryTest, ResultLevelsCountDereferences) {
  solve("int *id(int *p) { return p; }"
        "int *load(int **pp) { return *pp; }"
        "int &ref(int &r) { return r; }"
        "int val(int *p) { return *p; }");
  EXPECT_EQ(level("id", 1, LeakSink::Result), 0);
  EXPECT_EQ(level("load", 1, LeakSink::Result), 1);
  EXPECT_EQ(level("ref", 1, LeakSink::Result), 0);
  // Types prune the graph (Go's rule too): a returned int holds no address.
  EXPECT_EQ(level("val", 1, LeakSink::Result), -1);
}

TEST_F(ComputedSummaryTest, GlobalsAndContentOfOtherParameters) {
  solve("int *g;"
        "int *get() { return g; }"
        "void setGlobal(int *p) { g = p; }"
        "void out(int **o, int *v) { *o = v; }"
        "struct S { int *m; S(int *q) : m(q) {} void set(int *q) { m = q; } };"
        "void cleared(int *p) { g = p; g = nullptr; }");
  EXPECT_EQ(level("setGlobal", 1, LeakSink::Global), 0);
  EXPECT_EQ(level("out", 2, LeakSink::Content, 1), 0);
  EXPECT_EQ(level("out", 1, LeakSink::Global), -1);
  EXPECT_EQ(level("S::S", 1, LeakSink::Content, ThisSlot), 0);
  EXPECT_EQ(level("S::set", 1, LeakSink::Content, ThisSlot), 0);
  // Overwritten before the function returns: no leak.
  EXPECT_EQ(level("cleared", 1, LeakSink::Global), -1);
}

TEST_F(ComputedSummaryTest, AGlobalNothingReadsTakesNothing) {
  // re2's `hooks::context = this`: nothing in the program reads the global,
  // so the object stored there is not used after it dies. Any other use of
  // the global (here taking its address) may read it.
  solve("const void *ctx;"
        "const void *seen;"
        "const void **where() { return &seen; }"
        "struct M { void enter() { ctx = this; } void watch() { seen = this; } };"
        "void enterTwice(M *m) { m->enter(); m->enter(); }");
  EXPECT_EQ(level("M::enter", ThisSlot, LeakSink::Global), -1);
  EXPECT_EQ(level("enterTwice", 1, LeakSink::Global), -1);
  EXPECT_EQ(level("M::watch", ThisSlot, LeakSink::Global), 0);
}

TEST_F(ComputedSummaryTest, SummariesComposeBottomUp) {
  solve("int *g;"
        "int *get() { return g; }"
        "int *id(int *p) { return p; }"
        "int *twice(int *p) { return id(id(p)); }"
        "void store(int *p) { g = twice(p); }"
        "struct Box { int *v; };"
        "void fill(Box *b, int *p) { b->v = id(p); }");
  EXPECT_EQ(level("twice", 1, LeakSink::Result), 0);
  EXPECT_EQ(level("store", 1, LeakSink::Global), 0);
  EXPECT_EQ(level("fill", 2, LeakSink::Content, 1), 0);
}

TEST_F(ComputedSummaryTest, MutualRecursionIsSolvedTogether) {
  solve("int *g;"
        "int *get() { return g; }"
        "void b(int *p, int n);"
        "void a(int *p, int n) { if (n) b(p, n - 1); }"
        "void b(int *p, int n) { if (n) a(p, n - 1); else g = p; }"
        "int *r(int *p, int n) { return n ? r(p, n - 1) : p; }");
  EXPECT_EQ(level("a", 1, LeakSink::Global), 0);
  EXPECT_EQ(level("b", 1, LeakSink::Global), 0);
  EXPECT_EQ(level("r", 1, LeakSink::Result), 0);
}

TEST_F(ComputedSummaryTest, AFlowOfOneFieldNamesIt) {
  solve("struct Out { char *p; };"
        "struct Formatter {"
        "  Out out; const int *specs;"
        "  Out get() const { return out; }"
        "};"
        "Out byValue(Formatter f) { return f.out; }"
        "Out byRef(const Formatter &f) { return f.out; }"
        "Out byPtr(const Formatter *f) { Out o = f->out; return o; }"
        "Out twoCalls(const Formatter &f) { return byRef(f); }"
        "const int *specsOf(Formatter f) { return f.specs; }"
        "struct Ctx { Out out; };"
        "void put(Ctx *c, const Formatter &f) { c->out = f.out; }"
        // The whole object, two fields, the parameter inside another object.
        "Formatter whole(const Formatter &f) { return f; }"
        "Out both(const Formatter &f, bool b) {"
        "  return b ? f.out : Out{(char *)f.specs};"
        "}"
        "struct Wrap { Formatter inner; };"
        "Out wrapped(Formatter f) { Wrap w{f}; return w.inner.out; }");
  const Leak *V = leak("byValue", 1, LeakSink::Result);
  ASSERT_TRUE(V);
  uint32_t OutField = V->FieldR;
  EXPECT_NE(OutField, 0u);
  EXPECT_EQ(V->FieldP, 0u);
  EXPECT_EQ(V->Derefs, 0);
  for (const char *Fn : {"byRef", "byPtr", "twoCalls"}) {
    SCOPED_TRACE(Fn);
    const Leak *L = leak(Fn, 1, LeakSink::Result);
    ASSERT_TRUE(L);
    EXPECT_EQ(L->Derefs, 1);
    EXPECT_EQ(L->FieldR, 0u);
    EXPECT_EQ(L->FieldP, OutField);
  }
  const Leak *Get = leak("Formatter::get", ThisSlot, LeakSink::Result);
  ASSERT_TRUE(Get);
  EXPECT_EQ(Get->FieldP, OutField);
  const Leak *Specs = leak("specsOf", 1, LeakSink::Result);
  ASSERT_TRUE(Specs);
  EXPECT_NE(Specs->FieldR, 0u);
  EXPECT_NE(Specs->FieldR, OutField);
  const Leak *Put = leak("put", 2, LeakSink::Content, 1);
  ASSERT_TRUE(Put);
  EXPECT_EQ(Put->FieldP, OutField);
  for (const char *Fn : {"whole", "both", "wrapped"}) {
    SCOPED_TRACE(Fn);
    const Leak *L = leak(Fn, 1, LeakSink::Result);
    ASSERT_TRUE(L);
    EXPECT_TRUE(L->wholeObject());
  }
}

TEST_F(ComputedSummaryTest, CallsAreCounted) {
  solve("void ext(int *);"
        "int *id(int *p) { return p; }"
        "void f() { int x; ext(&x); id(&x); }");
  EXPECT_EQ(Stats.CallsBySummary, 1u);
  EXPECT_EQ(Stats.CallsUnknown, 1u);
  ASSERT_EQ(Stats.UnknownCallees.size(), 1u);
  EXPECT_EQ(Stats.UnknownCallees[0], "ext");
}

} // namespace

TEST(ComponentsTest, CycleComesOutWholeAfterItsCallees) {
  // 0 -> 1 -> 2 -> 1, 2 -> 3; 4 is left out.
  std::vector<std::vector<uint32_t>> Succ = {{1}, {2}, {1, 3}, {}, {0}};
  std::vector<uint8_t> Include = {1, 1, 1, 1, 0};
  auto Comps = stronglyConnectedComponents(Succ, Include);
  ASSERT_EQ(Comps.size(), 3u);
  EXPECT_EQ(Comps[0], std::vector<uint32_t>({3}));
  EXPECT_EQ(Comps[1], std::vector<uint32_t>({1, 2}));
  EXPECT_EQ(Comps[2], std::vector<uint32_t>({0}));
  EXPECT_EQ(stronglyConnectedComponents(Succ).size(), 4u);
}
