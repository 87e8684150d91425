//===- BugModeTest.cpp - Pointer resolution and dangling witnesses --------===//

#include "GraphBuilder.h"

#include "cxxescape/BugMode.h"
#include "cxxescape/Solver.h"

#include <gtest/gtest.h>

using namespace cxxescape;
using namespace cxxescape::test;

namespace {

class BugModeTest : public ::testing::Test {
protected:
  Graph G;
  GraphBuilder B{G};

  std::vector<Witness> run() {
    prepareBugMode(G);
    Solver S(G, Lifetimes::CxxScopes);
    S.walkAll();
    return findDanglingWitnesses(G, S);
  }
  LocId indirect(FuncId F, LocId Pointer, const std::string &Name) {
    Location Ptr;
    Ptr.Kind = LocKind::Temp;
    Ptr.Fn = F;
    Ptr.Scope = G.func(F).BodyScope;
    LocId P = G.addLocation(Ptr);
    G.addEdge(P, Pointer, 0);
    Location Ind;
    Ind.Kind = LocKind::Indirect;
    Ind.Name = Name;
    Ind.Fn = F;
    Ind.Scope = G.func(F).BodyScope;
    Ind.PtrOf = P;
    return G.addLocation(Ind);
  }
  static bool reported(const std::vector<Witness> &Ws, LocId X) {
    for (const Witness &W : Ws)
      if (W.Object == X)
        return true;
    return false;
  }
};

TEST_F(BugModeTest, StoreThroughParameterIsAnOutParam) {
  FuncId F = B.func("f");
  LocId Out = B.param(F, "out");
  LocId X = B.local(F, "x");
  LocId Ind = indirect(F, Out, "*out");
  B.assign(Ind, X, -1);
  auto Ws = run();
  ASSERT_TRUE(reported(Ws, X));
  EXPECT_EQ(G.loc(Ind).Sink, SinkKind::OutParam);
  EXPECT_EQ(G.loc(Ind).Via, Out);
}

// Go calls `pp = &a; *pp = &x` a heap store (escape_indir.go "BAD"); here
// the store lands in `a`, which lives as long as x: nothing dangles.
TEST_F(BugModeTest, StoreThroughLocalPointerLandsInTheLocal) {
  FuncId F = B.func("f");
  LocId A = B.local(F, "a"), PP = B.local(F, "pp"), X = B.local(F, "x");
  B.assign(PP, A, -1);
  LocId Ind = indirect(F, PP, "*pp");
  B.assign(Ind, X, -1);
  auto Ws = run();
  EXPECT_FALSE(reported(Ws, X));
  EXPECT_FALSE(G.loc(Ind).has(AttrEscapes));
}

// ... but if `a` is returned, x's address leaves with it.
TEST_F(BugModeTest, ResolvedStoreThenReturn) {
  FuncId F = B.func("f");
  LocId A = B.local(F, "a"), PP = B.local(F, "pp"), X = B.local(F, "x");
  LocId R = B.result(F);
  B.assign(PP, A, -1);
  LocId Ind = indirect(F, PP, "*pp");
  B.assign(Ind, X, -1);
  B.assign(R, A, 0);
  auto Ws = run();
  ASSERT_TRUE(reported(Ws, X));
  for (const Witness &W : Ws)
    if (W.Object == X)
      EXPECT_EQ(W.Holder, R);
}

// `int* p = &y; g = &p;`: p dangles; y is only reachable through p and is
// not reported a second time.
TEST_F(BugModeTest, OnlyThePrimaryEscapeIsReported) {
  FuncId F = B.func("f");
  LocId Y = B.local(F, "y"), P = B.local(F, "p");
  LocId Glob = B.global("g");
  B.assign(P, Y, -1);
  B.assign(Glob, P, -1);
  auto Ws = run();
  EXPECT_TRUE(reported(Ws, P));
  EXPECT_FALSE(reported(Ws, Y));
}

// A store whose value is overwritten before the object dies is harmless.
TEST_F(BugModeTest, StoreThatDoesNotSurviveIsIgnored) {
  FuncId F = B.func("f");
  LocId X = B.local(F, "x");
  LocId Glob = B.global("g");
  StoreId St = G.addStore();
  G.store(St).Conservative = false; // survives nobody
  G.store(St).Fn = F;
  G.store(St).OutlivesFunction = false;
  G.addEdge(Glob, X, -1, 0, St);
  auto Ws = run();
  EXPECT_FALSE(reported(Ws, X));
}

TEST_F(BugModeTest, StoreThatSurvivesIsReported) {
  FuncId F = B.func("f");
  LocId X = B.local(F, "x");
  LocId Glob = B.global("g");
  StoreId St = G.addStore();
  G.store(St).Conservative = false;
  G.store(St).Fn = F;
  G.store(St).Survives = {X};
  G.addEdge(Glob, X, -1, 0, St);
  auto Ws = run();
  EXPECT_TRUE(reported(Ws, X));
}

// A closure is copied by value in C++: `g = lambda` holds the captured
// addresses, not the address of the closure object.
TEST_F(BugModeTest, ClosureValueCarriesItsCaptures) {
  FuncId F = B.func("f");
  LocId X = B.local(F, "x");
  Location C;
  C.Kind = LocKind::Closure;
  C.Fn = F;
  C.Scope = B.scope(F);
  LocId Clo = G.addLocation(C);
  LocId Glob = B.global("g");
  G.addEdge(Clo, X, -1);
  G.addEdge(Glob, Clo, -1, EdgeValueSpill);
  auto Ws = run();
  ASSERT_TRUE(reported(Ws, X));
  for (const Witness &W : Ws)
    if (W.Object == X)
      EXPECT_TRUE(W.ThroughClosure);
  EXPECT_FALSE(reported(Ws, Clo));
}

// A pointer into a local that only local code uses is fine.
TEST_F(BugModeTest, LocalOnlyPointerIsFine) {
  FuncId F = B.func("f");
  LocId X = B.local(F, "x"), P = B.local(F, "p"), Q = B.local(F, "q");
  B.assign(P, X, -1);
  B.assign(Q, P, 0);
  auto Ws = run();
  EXPECT_TRUE(Ws.empty());
}

// Heap memory that escapes keeps what it holds: n = new Node; n->next = &x;
// return n.
TEST_F(BugModeTest, EscapingHeapObjectHoldsTheAddress) {
  FuncId F = B.func("f");
  LocId X = B.local(F, "x"), N = B.local(F, "n");
  LocId Node = B.alloc(F, "new Node");
  LocId R = B.result(F);
  B.assign(N, Node, -1);
  LocId Ind = indirect(F, N, "n->next");
  B.assign(Ind, X, -1);
  B.assign(R, N, 0);
  auto Ws = run();
  EXPECT_TRUE(reported(Ws, X));
}

// ... and heap memory that stays local does not.
TEST_F(BugModeTest, LocalHeapObjectDoesNotMakeItDangle) {
  FuncId F = B.func("f");
  LocId X = B.local(F, "x"), N = B.local(F, "n");
  LocId Node = B.alloc(F, "new Node");
  B.assign(N, Node, -1);
  LocId Ind = indirect(F, N, "n->next");
  B.assign(Ind, X, -1);
  auto Ws = run();
  EXPECT_FALSE(reported(Ws, X));
}

} // namespace
