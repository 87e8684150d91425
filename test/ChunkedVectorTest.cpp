//===- ChunkedVectorTest.cpp - A vector that grows without moving ---------===//

#include "cxxescape/ChunkedVector.h"

#include "gtest/gtest.h"

#include <string>

using namespace cxxescape;

namespace {

// Elements large enough that a chunk holds few of them: many chunks below.
struct Big {
  std::string Name;
  char Pad[4000] = {};
};

TEST(ChunkedVectorTest, ElementsStayWhereTheyAreAsItGrows) {
  ChunkedVector<Big> V;
  V.push_back(Big{"first"});
  const Big *First = &V[0];
  for (int I = 1; I < 2000; ++I)
    V.emplace_back().Name = std::to_string(I);
  EXPECT_EQ(V.size(), 2000u);
  EXPECT_EQ(First, &V[0]); // a std::vector would have moved it
  EXPECT_EQ(V[0].Name, "first");
  EXPECT_EQ(V[1999].Name, "1999");
  size_t Seen = 0;
  for (const Big &B : V)
    EXPECT_EQ(B.Name, Seen++ ? std::to_string(Seen - 1) : "first");
  EXPECT_EQ(Seen, 2000u);
}

TEST(ChunkedVectorTest, ResizeGrowsWithDefaultsAndShrinks) {
  ChunkedVector<int> V;
  V.resize(700000); // several chunks of ints
  EXPECT_EQ(V.size(), 700000u);
  EXPECT_EQ(V[699999], 0);
  V[699999] = 7;
  V.resize(10);
  EXPECT_EQ(V.size(), 10u);
  V.resize(700000);
  EXPECT_EQ(V[699999], 0); // a new element, not the old one
  V.clear();
  EXPECT_TRUE(V.empty());
  EXPECT_EQ(V.begin(), V.end());
}

TEST(ChunkedVectorTest, ACopyIsIndependentAndKeepsGrowing) {
  ChunkedVector<int> A;
  for (int I = 0; I < 300000; ++I)
    A.push_back(I);
  ChunkedVector<int> B = A;
  B.push_back(-1);
  B[0] = 42;
  EXPECT_EQ(A.size(), 300000u);
  EXPECT_EQ(A[0], 0);
  EXPECT_EQ(B.size(), 300001u);
  EXPECT_EQ(B[300000], -1);
  EXPECT_EQ(B[299999], 299999);
}

} // namespace
