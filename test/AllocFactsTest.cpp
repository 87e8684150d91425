//===- AllocFactsTest.cpp - What lowering records per heap allocation ----===//

#include "cxxescape/BugMode.h"
#include "cxxescape/Graph.h"
#include "cxxescape/Lower.h"

#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"

#include "LoweringFixture.h"

#include <gtest/gtest.h>

using namespace cxxescape;

namespace {

class AllocFactsTest : public LoweringFixture {
protected:
  /// The allocation sites, in source order.
  std::vector<const AllocFacts *> allocs() const {
    std::vector<std::pair<Pos, const AllocFacts *>> Sites;
    for (LocId I = 0; I < G.numLocs(); ++I)
      if (G.loc(I).Kind == LocKind::Alloc)
        Sites.push_back({G.loc(I).Decl, &*G.loc(I).Alloc});
    std::stable_sort(
        Sites.begin(), Sites.end(),
        [](const auto &A, const auto &B) { return A.first < B.first; });
    std::vector<const AllocFacts *> Out;
    for (const auto &S : Sites)
      Out.push_back(S.second);
    return Out;
  }
};

TEST_F(AllocFactsTest, DeletesOnEveryPath) {
  lower(R"(
    struct S { int a, b; };
    void every(bool c) {
      S *p = new S;
      if (c) { delete p; return; }
      delete p;
    }
    void some(bool c) {
      S *p = new S;
      if (c) return;
      delete p;
    }
    void never() { S *p = new S; (void)p->a; }
    void overwritten() { S *p = new S; p = nullptr; delete p; }
    void addressTaken(S **out) { S *p = new S; *out = p; S **pp = &p; delete *pp; }
    void loop(int n) { for (int i = 0; i < n; ++i) { int *q = new int; delete q; } }
    void arrayMismatch() { int *a = new int[2]; delete a; }
    void noHolder() { new int; }
    void nullChecked() { S *p = new S; if (p) delete p; }
    void nullCompared(bool c) {
      S *p = new S;
      if (p == nullptr) return;
      if (nullptr != p) delete p;
    }
    void otherCondition(bool c) { S *p = new S; if (c) delete p; }
  )");
  std::vector<const AllocFacts *> A = allocs();
  ASSERT_EQ(A.size(), 11u);
  // A plain new never returns null: the null branches do not count.
  EXPECT_EQ(A[8]->Freed, FreeFacts::EveryPath);
  EXPECT_EQ(A[9]->Freed, FreeFacts::EveryPath);
  EXPECT_EQ(A[10]->Freed, FreeFacts::SomePaths);
  EXPECT_EQ(A[0]->Freed, FreeFacts::EveryPath);
  EXPECT_EQ(A[0]->Holder, "p");
  EXPECT_EQ(A[1]->Freed, FreeFacts::SomePaths);
  EXPECT_EQ(A[2]->Freed, FreeFacts::Never);
  EXPECT_EQ(A[3]->Freed, FreeFacts::Never);   // the delete sees nullptr
  EXPECT_EQ(A[4]->Freed, FreeFacts::Unknown); // &p: not a plain holder
  EXPECT_EQ(A[5]->Freed, FreeFacts::EveryPath);
  EXPECT_EQ(A[6]->Freed, FreeFacts::Unknown); // delete of new[]: say nothing
  EXPECT_EQ(A[7]->Freed, FreeFacts::Unknown);
  EXPECT_TRUE(A[7]->Holder.empty());
}

TEST_F(AllocFactsTest, Sizes) {
  lower(R"(
    struct S { int a, b; };
    struct Pool { static void *operator new(unsigned long); int v; };
    void f(int n) {
      S *s = new S; int *a = new int[3]; int *b = new int[n];
      Pool *p = new Pool;
      delete s; delete[] a; delete[] b;
    }
  )");
  std::vector<const AllocFacts *> A = allocs();
  ASSERT_EQ(A.size(), 4u);
  EXPECT_EQ(A[0]->Form, AllocForm::New);
  EXPECT_TRUE(A[0]->SizeKnown);
  EXPECT_EQ(A[0]->Bytes, 8u);
  EXPECT_EQ(A[1]->Form, AllocForm::NewArray);
  EXPECT_EQ(A[1]->Bytes, 12u);
  EXPECT_EQ(A[1]->Type, "int[3]");
  EXPECT_EQ(A[2]->Form, AllocForm::NewArray);
  EXPECT_FALSE(A[2]->SizeKnown);
  // A class's own operator new: no facts, no rule.
  EXPECT_EQ(A[3]->Form, AllocForm::None);
}

TEST_F(AllocFactsTest, DeleteOperandsFree) {
  lower("void f(int *p) { delete p; }");
  size_t Frees = 0;
  for (LocId I = 0; I < G.numLocs(); ++I)
    if (G.loc(I).Frees) {
      ++Frees;
      ASSERT_EQ(G.loc(I).In.size(), 1u);
      EXPECT_EQ(G.loc(G.loc(I).In[0].Src).Name, "p");
    }
  EXPECT_EQ(Frees, 1u);
}

const char *const Owners = R"(
  #include <memory>
  #include <vector>
  struct P { int x, y; };
  std::unique_ptr<P> g;
  int kept() { auto u = std::make_unique<P>(); return u->x + (*u).y; }
  void moved() { auto u = std::make_unique<P>(); g = std::move(u); }
  int released() { auto u = std::make_unique<P>(); P *r = u.release(); int x = r->x; delete r; return x; }
  int copies() { auto s = std::make_shared<P>(); auto t = s; return t->x; }
  int grows() { std::vector<int> v(4); v.push_back(1); return v[0]; }
  int fixed() { std::vector<int> v{1, 2, 3}; return v[1]; }
  int variable(int n) { std::vector<int> v(n); return v[0]; }
)";

TEST_F(AllocFactsTest, Owners) {
  lower(Owners);
  std::vector<const AllocFacts *> A = allocs();
  ASSERT_EQ(A.size(), 6u); // the vector of variable size has no site
  EXPECT_EQ(A[0]->Form, AllocForm::MakeUnique);
  EXPECT_TRUE(A[0]->OwnerKeeps);
  EXPECT_EQ(A[0]->Holder, "u");
  EXPECT_EQ(A[0]->Bytes, 8u);
  EXPECT_FALSE(A[1]->OwnerKeeps);
  EXPECT_EQ(A[1]->OwnerChange, "it is moved out");
  EXPECT_FALSE(A[2]->OwnerKeeps);
  EXPECT_EQ(A[2]->OwnerChange, "its object is released ('release')");
  EXPECT_EQ(A[3]->Form, AllocForm::MakeShared);
  EXPECT_TRUE(A[3]->OwnerKeeps);
  EXPECT_EQ(A[4]->Form, AllocForm::Vector);
  EXPECT_EQ(A[4]->OwnerChange, "it may grow ('push_back')");
  EXPECT_EQ(A[5]->Form, AllocForm::Vector);
  EXPECT_TRUE(A[5]->OwnerKeeps);
  EXPECT_EQ(A[5]->Type, "int[3]");
  EXPECT_EQ(A[5]->Bytes, 12u);
}

TEST_F(AllocFactsTest, BugModeDropsTheOwnersEdges) {
  lower(Owners);
  auto OwnedEdges = [&] {
    size_t N = 0;
    for (LocId I = 0; I < G.numLocs(); ++I)
      for (const Edge &E : G.loc(I).In)
        N += (E.Flags & EdgeOwnedAlloc) != 0;
    return N;
  };
  EXPECT_EQ(OwnedEdges(), 6u);
  prepareBugMode(G);
  EXPECT_EQ(OwnedEdges(), 0u);
}

} // namespace
