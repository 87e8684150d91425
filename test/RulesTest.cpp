#include "cxxescape/Finding.h"
#include "cxxescape/Rules.h"

#include <gtest/gtest.h>

using namespace cxxescape;

TEST(RulesTest, GlobMatching) {
  EXPECT_TRUE(globMatch("escape-*", "escape-return"));
  EXPECT_TRUE(globMatch("*", "escape-return"));
  EXPECT_TRUE(globMatch("*-return", "escape-return"));
  EXPECT_TRUE(globMatch("escape-*e*", "escape-scope"));
  EXPECT_FALSE(globMatch("escape-r*", "escape-scope"));
  EXPECT_FALSE(globMatch("escape-return", "escape-returns"));
}

TEST(RulesTest, LastMatchingGlobWins) {
  CheckFilter F("-*,escape-return,escape-s*,-escape-scope");
  EXPECT_TRUE(F.enabled("escape-return"));
  EXPECT_FALSE(F.enabled("escape-global"));
  EXPECT_FALSE(F.enabled("escape-scope"));
  EXPECT_TRUE(CheckFilter().enabled("escape-lambda"));
  EXPECT_FALSE(CheckFilter("").enabled("escape-lambda"));
}

TEST(RulesTest, UnmatchedGlobsAreListed) {
  CheckFilter F("escape-*,bugprone-*,-escape-nothing");
  std::vector<std::string> U = F.unmatchedGlobs();
  ASSERT_EQ(U.size(), 2u);
  EXPECT_EQ(U[0], "bugprone-*");
  EXPECT_EQ(U[1], "escape-nothing");
}

TEST(RulesTest, EveryRuleHasASummary) {
  EXPECT_EQ(allRules().size(), 8u);
  for (const RuleInfo &R : allRules())
    EXPECT_GT(std::string(R.Summary).size(), 10u) << R.Id;
}

TEST(RulesTest, DedupeKeepsOneFindingPerPositionAndRule) {
  Finding A;
  A.Rule = "escape-return";
  A.Where = {"h.h", 3, 5};
  A.Message = "m";
  Finding B = A;
  Finding C = A;
  C.Where.Line = 1;
  std::vector<Finding> V = {A, B, C};
  sortAndDedupe(V);
  ASSERT_EQ(V.size(), 2u);
  EXPECT_EQ(V[0].Where.Line, 1u);
}
