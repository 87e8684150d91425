//===- GoModeTest.cpp - Go's batches, tags and verdict texts --------------===//
//
// Hand-built graphs of escape5.go's interprocedural cases: calls become
// edges from the callee's tags (Go's tagHole), callees first, and the
// verdicts read as Go prints them.
//
//===----------------------------------------------------------------------===//

#include "GraphBuilder.h"

#include "cxxescape/GoMode.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace cxxescape;
using namespace cxxescape::test;

namespace {

class GoModeTest : public ::testing::Test {
protected:
  Graph G;
  GraphBuilder B{G};
  FileId File = G.internFile("t.cpp");

  /// Gives a location a position, so that it can be reported.
  LocId at(LocId L, uint32_t Line) {
    G.loc(L).Decl = Pos{File, Line, 1};
    return L;
  }
  FuncId func(const std::string &Name) {
    FuncId F = B.func(Name);
    G.func(F).Usr = "c:@F@" + Name;
    return F;
  }
  /// A call from Caller: slot temps receive the arguments, Result (if
  /// wanted) the call's value.
  CallSite &call(FuncId Caller, const std::string &Callee, int NumArgs,
                 bool WantResult) {
    CallSite C;
    C.Caller = Caller;
    C.Callee = Callee.empty() ? "" : "c:@F@" + Callee;
    C.Slots.push_back(NoLoc);
    for (int I = 0; I < NumArgs; ++I)
      C.Slots.push_back(temp(Caller));
    if (WantResult)
      C.Result = temp(Caller);
    return G.call(G.addCallSite(std::move(C)));
  }
  LocId temp(FuncId F) {
    Location L;
    L.Kind = LocKind::Temp;
    L.Fn = F;
    L.Scope = G.func(F).BodyScope;
    return G.addLocation(L);
  }
  std::vector<std::string> solve(int Level = 1) {
    GoModeOptions Opts;
    Opts.Level = Level;
    std::vector<std::string> Lines;
    for (const GoVerdict &V : analyzeProgramGo(G, Opts)) {
      for (const std::string &E : V.Explain)
        Lines.push_back(std::to_string(V.Line) + ":" + E);
      Lines.push_back(std::to_string(V.Line) + ": " + V.Text);
    }
    return Lines;
  }
  static bool has(const std::vector<std::string> &Lines,
                  const std::string &Line) {
    return std::find(Lines.begin(), Lines.end(), Line) != Lines.end();
  }
};

// func leaktoret(p *int) *int { return p }   // leaking param: p to result
// func f3() { var x int; p := leaktoret(&x); gp = p }  // moved to heap: x
// func f2() { var x int; _ = leaktoret(&x) }           // x stays
TEST_F(GoModeTest, CalleeTagDecidesTheArgument) {
  FuncId Ret = func("leaktoret");
  LocId P = at(B.param(Ret, "p"), 1);
  B.assign(B.result(Ret), P, 0);

  FuncId F3 = func("f3");
  LocId X3 = at(B.local(F3, "x3"), 2);
  LocId P3 = B.local(F3, "p");
  CallSite &C3 = call(F3, "leaktoret", 1, true);
  B.assign(C3.Slots[1], X3, -1);
  B.assign(P3, C3.Result, 0);
  B.assign(B.global("gp"), P3, 0);

  FuncId F2 = func("f2");
  LocId X2 = at(B.local(F2, "x2"), 3);
  CallSite &C2 = call(F2, "leaktoret", 1, false);
  B.assign(C2.Slots[1], X2, -1);

  std::vector<std::string> Out = solve();
  EXPECT_EQ(Out, (std::vector<std::string>{
                     "1: leaking param: p to result ~r0 level=0",
                     "2: moved to heap: x3"}));
}

// An unknown callee (a function pointer) gets every argument: Go's rule.
TEST_F(GoModeTest, UnknownCalleeLeaksEveryArgument) {
  FuncId F = func("callFn");
  LocId X = at(B.local(F, "x"), 4);
  CallSite &C = call(F, "", 1, false);
  C.Indirect = true;
  B.assign(C.Slots[1], X, -1);
  EXPECT_EQ(solve(), (std::vector<std::string>{"4: moved to heap: x"}));
}

// [[clang::noescape]] on an unknown callee's parameter keeps it local.
TEST_F(GoModeTest, NoEscapeParameterOfUnknownCallee) {
  FuncId F = func("callExt");
  LocId X = at(B.local(F, "x"), 4);
  CallSite &C = call(F, "ext", 1, false);
  C.NoEscape = {0, 1};
  B.assign(C.Slots[1], X, -1);
  EXPECT_TRUE(solve().empty());
}

// A virtual call is Go's interface method call: the receiver leaks even
// when a body is known (escape2.go foo64).
TEST_F(GoModeTest, VirtualCallLeaksTheReceiver) {
  FuncId M = func("M");
  G.func(M).This = at(G.addLocation([&] {
    Location L;
    L.Kind = LocKind::This;
    L.Name = "this";
    L.Fn = M;
    L.Scope = G.func(M).BodyScope;
    return L;
  }()),
                      5);
  FuncId F = func("foo64");
  LocId Mp = at(B.param(F, "m"), 6);
  CallSite C;
  C.Caller = F;
  C.Callee = "c:@F@M";
  C.Virtual = true;
  C.Slots.push_back(temp(F));
  B.assign(C.Slots[0], Mp, 0);
  G.addCallSite(C);
  std::vector<std::string> Out = solve();
  EXPECT_TRUE(has(Out, "6: leaking param: m")) << ::testing::PrintToString(Out);
  EXPECT_TRUE(has(Out, "5: this does not escape"));
}

// escape5.go leakrecursive: inside one recursive batch a flow into the
// other function's result is a heap leak.
TEST_F(GoModeTest, RecursiveBatchFlowsToOtherResultsLeak) {
  FuncId R1 = func("r1"), R2 = func("r2");
  LocId P1 = at(B.param(R1, "p1"), 7);
  LocId P2 = at(B.param(R2, "p2"), 8);
  B.result(R1);
  LocId Res2 = B.result(R2);
  CallSite &C12 = call(R1, "r2", 1, true);
  B.assign(C12.Slots[1], P1, 0);
  B.assign(G.func(R1).Result, C12.Result, 0);
  CallSite &C21 = call(R2, "r1", 1, true);
  B.assign(C21.Slots[1], P2, 0);
  B.assign(Res2, C21.Result, 0);
  B.assign(Res2, P2, 0); // r2: return p
  std::vector<std::string> Out = solve();
  EXPECT_TRUE(has(Out, "7: leaking param: p1"))
      << ::testing::PrintToString(Out);
  EXPECT_TRUE(has(Out, "8: leaking param: p2"));
}

// Allocation sites and lambdas print both ways; pointer-free parameters
// and locals that stay print nothing.
TEST_F(GoModeTest, AllocationAndLambdaVerdicts) {
  FuncId F = func("f");
  LocId N = at(B.param(F, "n"), 9);
  G.loc(N).PointerFree = true;
  LocId Kept = at(B.alloc(F, "new int"), 10);
  LocId Lost = at(B.alloc(F, "new Bar"), 11);
  LocId P = B.local(F, "p");
  B.assign(P, Kept, -1);
  B.assign(B.result(F), Lost, -1);
  Location Lambda;
  Lambda.Kind = LocKind::Closure;
  Lambda.Name = "lambda";
  Lambda.Fn = F;
  Lambda.Scope = G.func(F).BodyScope;
  at(G.addLocation(Lambda), 12);
  at(B.local(F, "quiet"), 13);
  EXPECT_EQ(solve(), (std::vector<std::string>{"10: new(int) does not escape",
                                               "11: new(Bar) escapes to heap",
                                               "12: lambda does not escape"}));
}

// -m=2: Go's explanation lines come before the verdict they explain.
TEST_F(GoModeTest, ExplanationPrecedesVerdict) {
  FuncId F = func("retAddr");
  LocId I = at(B.local(F, "i"), 14);
  G.addEdge(B.result(F), I, -1, 0, NoStore,
            {Note{Pos{File, 15, 3}, "return", "return &i"},
             Note{Pos{File, 15, 10}, "address-of", "&i"}});
  EXPECT_EQ(solve(2), (std::vector<std::string>{
                          "14: i escapes to heap:", "14:   flow: ~r0 = &i:",
                          "14:     from &i (address-of) at t.cpp:15:10",
                          "14:     from return &i (return) at t.cpp:15:3",
                          "14: moved to heap: i"}));
}

TEST(GoAllocText, SpellsNewLikeGo) {
  EXPECT_EQ(goAllocText("new int"), "new(int)");
  EXPECT_EQ(goAllocText("new int *"), "new(int *)");
  EXPECT_EQ(goAllocText("lambda"), "lambda");
}

} // namespace
