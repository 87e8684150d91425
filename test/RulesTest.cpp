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

TEST(RulesTest, OffByDefaultRulesNeedTheirName) {
  const RuleInfo *R = findRule("escape-lifetimebound");
  ASSERT_NE(R, nullptr);
  EXPECT_FALSE(R->DefaultEnabled);
  EXPECT_FALSE(CheckFilter("escape-*").enabled("escape-lifetimebound"));
  EXPECT_FALSE(CheckFilter("*").enabled("escape-lifetimebound"));
  EXPECT_FALSE(CheckFilter("escape-life*").enabled("escape-lifetimebound"));
  EXPECT_TRUE(CheckFilter("escape-lifetimebound").enabled("escape-lifetimebound"));
  EXPECT_TRUE(CheckFilter("escape-lifetimebound,escape-*")
                  .enabled("escape-lifetimebound"));
  EXPECT_FALSE(CheckFilter("escape-lifetimebound,-escape-*")
                   .enabled("escape-lifetimebound"));
  EXPECT_TRUE(CheckFilter::everything().enabled("escape-lifetimebound"));
  for (const char *Id : {"escape-heap-to-stack", "escape-leak"}) {
    ASSERT_NE(findRule(Id), nullptr) << Id;
    EXPECT_FALSE(findRule(Id)->DefaultEnabled) << Id;
    EXPECT_FALSE(CheckFilter("escape-*").enabled(Id)) << Id;
    EXPECT_TRUE(CheckFilter(std::string("escape-*,") + Id).enabled(Id)) << Id;
  }
  // The other rules are unchanged.
  EXPECT_TRUE(CheckFilter("escape-*").enabled("escape-return"));
  EXPECT_TRUE(CheckFilter::everything().enabled("escape-return"));
}

TEST(RulesTest, EveryRuleHasASummary) {
  EXPECT_EQ(allRules().size(), 15u);
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

#include "cxxescape/Fingerprint.h"

#include <cstdio>
#include <fstream>

namespace {

std::string writeTemp(const std::string &Name, const std::string &Text) {
  std::string Path = ::testing::TempDir() + Name;
  std::ofstream(Path) << Text;
  return Path;
}

Finding at(const std::string &File, unsigned Line) {
  Finding F;
  F.Rule = "escape-global";
  F.Message = "address of local variable 'x' is stored in global 'g'";
  F.Where = {File, Line, 3};
  return F;
}

} // namespace

TEST(FingerprintTest, MovingCodeKeepsTheFingerprint) {
  std::string A =
      writeTemp("fp_a.cpp", "int *g;\nvoid f() {\n  int x;\n  g = &x;\n}\n");
  SourceCache S;
  auto Before = fingerprints({at(A, 4)}, ::testing::TempDir(), S);
  // Lines added above, the statement re-indented: same finding.
  writeTemp("fp_a.cpp",
            "int *g;\n\n\nvoid f() {\n  int x;\n    g  =  &x;\n}\n");
  SourceCache S2;
  auto After = fingerprints({at(A, 6)}, ::testing::TempDir(), S2);
  EXPECT_EQ(Before, After);
}

TEST(FingerprintTest, ChangingTheLineChangesIt) {
  std::string A = writeTemp("fp_c.cpp", "void f() {\n  g = &x;\n}\n");
  SourceCache S;
  auto F1 = fingerprints({at(A, 2)}, ::testing::TempDir(), S);
  writeTemp("fp_c.cpp", "void f() {\n  g = &y;\n}\n");
  SourceCache S2;
  auto F2 = fingerprints({at(A, 2)}, ::testing::TempDir(), S2);
  EXPECT_NE(F1, F2);
}

TEST(FingerprintTest, IdenticalFindingsAreCounted) {
  std::string A = writeTemp("fp_d.cpp", "  g = &x;\n  g = &x;\n");
  SourceCache S;
  auto F = fingerprints({at(A, 1), at(A, 2)}, ::testing::TempDir(), S);
  ASSERT_EQ(F.size(), 2u);
  EXPECT_NE(F[0], F[1]);
  EXPECT_EQ(F[0].substr(0, 16), F[1].substr(0, 16));
  EXPECT_EQ(F[0].substr(16), ":1");
  EXPECT_EQ(F[1].substr(16), ":2");
}

TEST(FingerprintTest, OneFileOneSpelling) {
  std::string A = writeTemp("fp_e.cpp", "  g = &x;\n");
  std::string Dir = ::testing::TempDir();
  SourceCache S;
  auto Plain = fingerprints({at(A, 1)}, Dir, S);
  auto Dotted = fingerprints({at(Dir + "./fp_e.cpp", 1)}, Dir, S);
  auto Doubled = fingerprints({at(Dir + "/fp_e.cpp", 1)}, Dir, S);
  EXPECT_EQ(Plain[0].substr(0, 16), Doubled[0].substr(0, 16));
  EXPECT_EQ(Plain[0].substr(0, 16), Dotted[0].substr(0, 16));
}

TEST(FingerprintTest, RelativePaths) {
  EXPECT_EQ(relativePath("/src/a/b.cpp", "/src"), "a/b.cpp");
  EXPECT_EQ(relativePath("/src/a/b.cpp", "/src/"), "a/b.cpp");
  EXPECT_EQ(relativePath("/srcx/b.cpp", "/src"), "/srcx/b.cpp");
  EXPECT_EQ(relativePath("/other/b.cpp", "/src"), "/other/b.cpp");
}
