//===- SolverTest.cpp - Go's canonical escape cases, one-to-one -----------===//
//
// Each test builds the graph Go's escape.go would build for a function of
// Go's test suite (test/escape2.go, escape5.go, escape_level.go, ...) and
// checks the verdict the Go compiler prints for it.
//
//===----------------------------------------------------------------------===//

#include "GraphBuilder.h"

#include "cxxescape/BugMode.h"
#include "cxxescape/Solver.h"

#include <gtest/gtest.h>

using namespace cxxescape;
using namespace cxxescape::test;

namespace {

class GoSolverTest : public ::testing::Test {
protected:
  Graph G;
  GraphBuilder B{G};
  LocId Heap = G.heapLoc();

  void solve(Lifetimes L = Lifetimes::GoLoops) {
    prepareGoMode(G);
    Solver S(G, L);
    S.walkAll();
    for (LocId I = 0; I < G.numLocs(); ++I)
      G.loc(I).ParamLeaks.optimize();
  }
  bool movedToHeap(LocId L) const { return G.loc(L).has(AttrEscapes); }
  const Leaks &leaks(LocId L) const { return G.loc(L).ParamLeaks; }
};

// func foo1(x int) { gxx = &x }            // moved to heap: x
TEST_F(GoSolverTest, Foo1AddressStoredInGlobal) {
  FuncId F = B.func("foo1");
  LocId X = B.param(F, "x");
  B.assign(Heap, X, -1);
  solve();
  EXPECT_TRUE(movedToHeap(X));
}

// func foo3(x int) *int { return &x }      // moved to heap: x
TEST_F(GoSolverTest, Foo3AddressReturned) {
  FuncId F = B.func("foo3");
  LocId X = B.param(F, "x");
  LocId R = B.result(F);
  B.assign(R, X, -1);
  solve();
  EXPECT_TRUE(movedToHeap(X));
}

// func foo5(xx **int, yy *int) { xx = &yy }  // xx, yy do not escape
TEST_F(GoSolverTest, Foo5AssignToParamVariableIsHarmless) {
  FuncId F = B.func("foo5");
  LocId XX = B.param(F, "xx"), YY = B.param(F, "yy");
  B.assign(XX, YY, -1);
  solve();
  EXPECT_FALSE(movedToHeap(YY));
  EXPECT_TRUE(leaks(XX).empty());
  EXPECT_TRUE(leaks(YY).empty());
}

// func foo6(xx **int, yy *int) { *xx = yy }  // leaking param: yy
TEST_F(GoSolverTest, Foo6StoreThroughPointerLeaksToHeap) {
  FuncId F = B.func("foo6");
  LocId XX = B.param(F, "xx"), YY = B.param(F, "yy");
  (void)XX;
  B.assign(Heap, YY, 0); // addr(*xx) is the heap
  solve();
  EXPECT_EQ(leaks(YY).Heap, 0);
  EXPECT_TRUE(leaks(XX).empty());
}

// func foo9(xx, yy *int) *int { xx = yy; return xx }
// leaking param: xx to result ~r0 level=0, leaking param: yy to result ~r0 level=0
TEST_F(GoSolverTest, Foo9BothParamsLeakToResult) {
  FuncId F = B.func("foo9");
  LocId XX = B.param(F, "xx"), YY = B.param(F, "yy");
  LocId R = B.result(F);
  B.assign(XX, YY, 0);
  B.assign(R, XX, 0);
  solve();
  EXPECT_EQ(leaks(XX).Result[0], 0);
  EXPECT_EQ(leaks(YY).Result[0], 0);
  EXPECT_EQ(leaks(XX).Heap, -1);
}

// func foo13(yyy **int) { *xxx = *yyy }    // leaking param content: yyy
TEST_F(GoSolverTest, Foo13LeakingParamContent) {
  FuncId F = B.func("foo13");
  LocId YYY = B.param(F, "yyy");
  B.assign(Heap, YYY, 1);
  solve();
  EXPECT_EQ(leaks(YYY).Heap, 1);
  EXPECT_FALSE(movedToHeap(YYY));
}

// func (b *Bar) AlsoNoLeak() *int { return b.ii }
// leaking param: b to result ~r0 level=1
TEST_F(GoSolverTest, AlsoNoLeakResultLevelOne) {
  FuncId F = B.func("AlsoNoLeak");
  LocId Bp = B.param(F, "b");
  LocId R = B.result(F);
  B.assign(R, Bp, 1);
  solve();
  EXPECT_EQ(leaks(Bp).Result[0], 1);
  EXPECT_EQ(leaks(Bp).Heap, -1);
}

// func leaktoret(p *int) *int { return p } // leaking param: p to result ~r0 level=0
// func leakParam(p *int) { gp = p }        // leaking param: p
TEST_F(GoSolverTest, AppendixALeakLevels) {
  FuncId F1 = B.func("leaktoret");
  LocId P1 = B.param(F1, "p");
  B.assign(B.result(F1), P1, 0);
  FuncId F2 = B.func("leakParam");
  LocId P2 = B.param(F2, "p");
  B.assign(Heap, P2, 0);
  solve();
  EXPECT_EQ(leaks(P1).Result[0], 0);
  EXPECT_EQ(leaks(P2).Heap, 0);
}

// A heap leak dominates a result leak at the same or a deeper level.
TEST_F(GoSolverTest, OptimizeDropsResultLeaksDominatedByHeap) {
  FuncId F = B.func("both");
  LocId P = B.param(F, "p");
  B.assign(Heap, P, 0);
  B.assign(B.result(F), P, 1);
  solve();
  EXPECT_EQ(leaks(P).Heap, 0);
  EXPECT_EQ(leaks(P).Result[0], -1);
}

// func foo72a() { var y [10]*int; for i := 0; i < 10; i++ { x := i; y[i] = &x } }
// moved to heap: x                       (escapes its scope)
TEST_F(GoSolverTest, Foo72aLoopVariableKeptOutsideLoop) {
  FuncId F = B.func("foo72a");
  LocId Y = B.local(F, "y");
  ScopeId Loop = B.scope(F, NoScope, /*Loop=*/true);
  LocId X = B.local(F, "x", Loop);
  B.assign(Y, X, -1);
  solve();
  EXPECT_TRUE(movedToHeap(X));
  EXPECT_FALSE(movedToHeap(Y));
}

// func foo80() *int { var z *int; for { z = new(int) } }  // new(int) escapes
TEST_F(GoSolverTest, Foo80NewInLoopKeptOutside) {
  FuncId F = B.func("foo80");
  LocId Z = B.local(F, "z");
  ScopeId Loop = B.scope(F, NoScope, true);
  LocId N = B.alloc(F, "new(int)", Loop);
  B.assign(Z, N, -1);
  solve();
  EXPECT_TRUE(movedToHeap(N));
}

// func foo81() *int { for { z := new(int); _ = z } }      // does not escape
TEST_F(GoSolverTest, Foo81NewInLoopStaysInLoop) {
  FuncId F = B.func("foo81");
  ScopeId Loop = B.scope(F, NoScope, true);
  LocId Z = B.local(F, "z", Loop);
  LocId N = B.alloc(F, "new(int)", Loop);
  B.assign(Z, N, -1);
  solve();
  EXPECT_FALSE(movedToHeap(N));
}

// func level1() { i := 0; p0 := &i; p1 := &p0; p2 := &p1; sink = p2 }
// moved to heap: i, p0, p1 (not p2)
TEST_F(GoSolverTest, Level1EscapesPropagateThroughHeapLocations) {
  FuncId F = B.func("level1");
  LocId I = B.local(F, "i"), P0 = B.local(F, "p0"), P1 = B.local(F, "p1"),
        P2 = B.local(F, "p2");
  B.assign(P0, I, -1);
  B.assign(P1, P0, -1);
  B.assign(P2, P1, -1);
  B.assign(Heap, P2, 0);
  solve();
  EXPECT_TRUE(movedToHeap(I));
  EXPECT_TRUE(movedToHeap(P0));
  EXPECT_TRUE(movedToHeap(P1));
  EXPECT_FALSE(movedToHeap(P2));
}

// func level2() { i := 0; p0 := &i; p1 := &p0; p2 := &p1; sink = *p2 }
// moved to heap: i, p0 (the clamp makes p1's address not reach the heap)
TEST_F(GoSolverTest, Level2DerefOfAddressChain) {
  FuncId F = B.func("level2");
  LocId I = B.local(F, "i"), P0 = B.local(F, "p0"), P1 = B.local(F, "p1"),
        P2 = B.local(F, "p2");
  B.assign(P0, I, -1);
  B.assign(P1, P0, -1);
  B.assign(P2, P1, -1);
  B.assign(Heap, P2, 1);
  solve();
  EXPECT_TRUE(movedToHeap(I));
  EXPECT_TRUE(movedToHeap(P0));
  EXPECT_FALSE(movedToHeap(P1));
  EXPECT_FALSE(movedToHeap(P2));
}

// var l *int; func() { l = new(int) }()    // new(int) escapes (closure frame)
TEST_F(GoSolverTest, ClosureStoreIntoEnclosingVariable) {
  FuncId Outer = B.func("outer");
  LocId L = B.local(Outer, "l");
  FuncId Clo = B.func("outer.func1", Outer);
  LocId N = B.alloc(Clo, "new(int)");
  B.assign(L, N, -1);
  solve();
  EXPECT_TRUE(movedToHeap(N));
}

// var u int; fn := func() *int { return &u }; *fn() = 42  // u stays
TEST_F(GoSolverTest, ClosureResultDoesNotOutliveEnclosingFunction) {
  FuncId Outer = B.func("outer");
  LocId U = B.local(Outer, "u");
  FuncId Clo = B.func("outer.func1", Outer);
  B.assign(B.result(Clo), U, -1);
  solve();
  EXPECT_FALSE(movedToHeap(U));
}

// func foo21a() func() int { x := 42; return func() int { x++; return x } }
// moved to heap: x; func literal escapes to heap
TEST_F(GoSolverTest, Foo21aReturnedClosureCapturingByReference) {
  FuncId F = B.func("foo21a");
  LocId X = B.local(F, "x");
  LocId R = B.result(F);
  LocId Clo = B.alloc(F, "func literal");
  B.assign(Clo, X, -1); // captured by reference
  B.assign(R, Clo, -1); // the closure value is a pointer to its record
  solve();
  EXPECT_TRUE(movedToHeap(Clo));
  EXPECT_TRUE(movedToHeap(X));
}

// Appendix B: *out = &x makes x escape; a leaks to the result; y, z, s, q do
// not escape.
TEST_F(GoSolverTest, AppendixBWorkedExample) {
  FuncId F = B.func("f");
  LocId A = B.param(F, "a"), Out = B.param(F, "out");
  LocId R = B.result(F);
  LocId X = B.local(F, "x"), Y = B.local(F, "y"), S = B.local(F, "s");
  B.assign(S, Y, -1);
  B.assign(Heap, X, -1); // *out = &x
  ScopeId Loop = B.scope(F, NoScope, true);
  LocId Z = B.local(F, "z", Loop), Q = B.local(F, "q", Loop);
  B.assign(Q, Z, -1);
  B.assign(R, A, 0);
  solve();
  EXPECT_TRUE(movedToHeap(X));
  EXPECT_FALSE(movedToHeap(Y));
  EXPECT_FALSE(movedToHeap(Z));
  EXPECT_FALSE(movedToHeap(S));
  EXPECT_FALSE(movedToHeap(Q));
  EXPECT_EQ(leaks(A).Result[0], 0);
  EXPECT_TRUE(leaks(Out).empty());
}

// Go has no block lifetimes; C++ does: { int x; p = &x; } with p outside.
TEST_F(GoSolverTest, BlockScopeMattersOnlyForCxx) {
  FuncId F = B.func("blocks");
  LocId P = B.local(F, "p");
  ScopeId Inner = B.scope(F);
  LocId X = B.local(F, "x", Inner);
  B.assign(P, X, -1);
  Graph Copy = G;
  solve(Lifetimes::GoLoops);
  EXPECT_FALSE(movedToHeap(X));
  prepareGoMode(Copy);
  Solver S(Copy, Lifetimes::CxxScopes);
  S.walkAll();
  EXPECT_TRUE(Copy.loc(X).has(AttrEscapes));
}

// In C++ scopes, roots that outlive nothing are not walked; what escapes
// through the result, an outer scope or a lambda is still found, and a long
// chain of copies in one scope stays linear.
TEST_F(GoSolverTest, CxxScopesSkipRootsThatOutliveNothing) {
  FuncId F = B.func("chain");
  LocId X = B.local(F, "x");
  LocId Prev = B.local(F, "p0");
  B.assign(Prev, X, -1);
  for (int I = 0; I < 20000; ++I) {
    LocId P = B.local(F, "p");
    B.assign(P, Prev, 0);
    Prev = P;
  }
  LocId R = B.result(F);
  B.assign(R, Prev, 0);
  // An outer-scope holder of an inner object, in another function.
  FuncId H = B.func("holder");
  LocId Out = B.local(H, "out");
  LocId Y = B.local(H, "y", B.scope(H));
  B.assign(Out, Y, -1);
  // A lambda's store into its parent's variable.
  FuncId Parent = B.func("parent");
  LocId Kept = B.local(Parent, "kept");
  FuncId Lambda = B.func("lambda", Parent);
  LocId Z = B.local(Lambda, "z");
  B.assign(Kept, Z, -1);
  // Same scope, nothing outlives: no escape.
  FuncId Q = B.func("quiet");
  LocId A = B.local(Q, "a"), Ptr = B.local(Q, "ptr");
  B.assign(Ptr, A, -1);
  prepareBugMode(G);
  Solver S(G, Lifetimes::CxxScopes);
  S.walkAll();
  EXPECT_TRUE(G.loc(X).has(AttrEscapes));
  EXPECT_EQ(S.escapeRoot(X), R);
  EXPECT_TRUE(G.loc(Y).has(AttrEscapes));
  EXPECT_TRUE(G.loc(Z).has(AttrEscapes));
  EXPECT_FALSE(G.loc(A).has(AttrEscapes));
}

// The explanation leads from the escaping object to the root.
TEST_F(GoSolverTest, ExplanationFollowsTheFlow) {
  FuncId F = B.func("chain");
  LocId X = B.local(F, "x"), P = B.local(F, "p");
  LocId R = B.result(F);
  B.assign(P, X, -1);
  B.assign(R, P, 0);
  prepareGoMode(G);
  Solver S(G, Lifetimes::GoLoops);
  S.walkAll();
  ASSERT_TRUE(G.loc(X).has(AttrEscapes));
  EXPECT_EQ(S.escapeRoot(X), R);
  const auto &Path = S.explanation(X);
  ASSERT_EQ(Path.size(), 2u);
  EXPECT_EQ(Path[0].Dst, P);
  EXPECT_EQ(Path[1].Dst, R);
}

// esc.go:33  func newNoEsc() int { p := new(int); return *p }  // does not escape
TEST_F(GoSolverTest, NewWhoseValueIsReturnedDoesNotEscape) {
  FuncId F = B.func("newNoEsc");
  LocId P = B.local(F, "p");
  LocId N = B.alloc(F, "new(int)");
  B.assign(P, N, -1);
  B.assign(B.result(F), P, 1);
  solve();
  EXPECT_FALSE(movedToHeap(N));
}

// esc.go:38  func newEsc() *int { return new(int) }     // new(int) escapes to heap
TEST_F(GoSolverTest, ReturnedNewEscapes) {
  FuncId F = B.func("newEsc");
  LocId N = B.alloc(F, "new(int)");
  B.assign(B.result(F), N, -1);
  solve();
  EXPECT_TRUE(movedToHeap(N));
}

// esc.go:56  x read by a closure captured by value; the closure is returned:
// func literal escapes to heap, x stays.
TEST_F(GoSolverTest, ByValueCaptureOfReturnedClosureStays) {
  FuncId F = B.func("closureVal");
  LocId X = B.local(F, "x");
  LocId Clo = B.alloc(F, "func literal");
  B.assign(Clo, X, 0);
  B.assign(B.result(F), Clo, -1);
  solve();
  EXPECT_TRUE(movedToHeap(Clo));
  EXPECT_FALSE(movedToHeap(X));
}

// esc.go:94  func appendLeak(s []*int, p *int) []*int { return append(s, p) }
// leaking param: p (appended elements go to the heap)
TEST_F(GoSolverTest, AppendedElementLeaks) {
  FuncId F = B.func("appendLeak");
  LocId S = B.param(F, "s"), P = B.param(F, "p");
  B.assign(B.result(F), S, 0);
  B.assign(Heap, P, 0);
  solve();
  EXPECT_EQ(leaks(P).Heap, 0);
  EXPECT_EQ(leaks(S).Result[0], 0);
}

// esc.go:100/110  m[&x] = 1 and t.p = &x (t a parameter): moved to heap: x;
// m and t do not escape.
TEST_F(GoSolverTest, MapKeyAndStoreThroughParamMoveToHeap) {
  FuncId F = B.func("mapKey");
  LocId M = B.param(F, "m"), T = B.param(F, "t");
  LocId X = B.local(F, "x"), Y = B.local(F, "y");
  B.assign(Heap, X, -1); // key of map put
  B.assign(Heap, Y, -1); // store through t
  solve();
  EXPECT_TRUE(movedToHeap(X));
  EXPECT_TRUE(movedToHeap(Y));
  EXPECT_TRUE(leaks(M).empty());
  EXPECT_TRUE(leaks(T).empty());
}

// esc2.go:22  func arr() []int { var a [4]int; return a[:] }  // moved to heap: a
TEST_F(GoSolverTest, SliceOfLocalArrayReturned) {
  FuncId F = B.func("arr");
  LocId A = B.local(F, "a");
  B.assign(B.result(F), A, -1); // slicing an array value takes its address
  solve();
  EXPECT_TRUE(movedToHeap(A));
}

// esc2.go:51  func() { x = 1 }() : func literal does not escape, x stays.
TEST_F(GoSolverTest, ImmediatelyCalledClosureDoesNotEscape) {
  FuncId F = B.func("callNow");
  LocId X = B.local(F, "x");
  LocId Clo = B.alloc(F, "func literal");
  B.assign(Clo, X, -1);
  solve();
  EXPECT_FALSE(movedToHeap(Clo));
  EXPECT_FALSE(movedToHeap(X));
}

// A flow to the result of another function of the same batch is a heap
// leak (escape5.go leakrecursive1/2: leaking param: p).
TEST_F(GoSolverTest, ResultOfAnotherFunctionInTheBatchIsTheHeap) {
  FuncId F1 = B.func("leakrecursive1");
  FuncId F2 = B.func("leakrecursive2");
  LocId P = B.param(F1, "p"), Q = B.param(F2, "q");
  LocId R1 = B.result(F1), R2 = B.result(F2);
  B.assign(Q, P, 0);   // leakrecursive2(p): p flows into q
  B.assign(R1, R2, 0); // return leakrecursive2(...)
  B.assign(P, Q, 0);   // and back
  B.assign(R2, R1, 0);
  B.assign(R2, Q, 0);  // return q
  solve();
  EXPECT_EQ(leaks(P).Heap, 0);
}

} // namespace
