//===- FiltersTest.cpp - NOLINT, baseline and diff parsers ----------------===//

#include "cxxescape/Baseline.h"
#include "cxxescape/DiffFilter.h"
#include "cxxescape/Suppressions.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace cxxescape;

namespace {

std::vector<NolintDirective> directives(const std::string &Text) {
  std::vector<std::string> Lines;
  size_t B = 0;
  while (B <= Text.size()) {
    size_t E = Text.find('\n', B);
    if (E == std::string::npos)
      E = Text.size();
    Lines.push_back(Text.substr(B, E - B));
    B = E + 1;
  }
  return findNolintDirectives(Lines);
}

/// A scratch directory removed at the end of the test.
struct TempDir {
  std::filesystem::path Path;
  TempDir() {
    Path = std::filesystem::temp_directory_path() /
           ("cxxescape-filters-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(Path);
    std::filesystem::create_directories(Path);
  }
  ~TempDir() { std::filesystem::remove_all(Path); }
  std::string write(const std::string &Name, const std::string &Text) {
    std::filesystem::path P = Path / Name;
    std::filesystem::create_directories(P.parent_path());
    std::ofstream(P) << Text;
    return P.string();
  }
};

Finding finding(const std::string &File, unsigned Line, unsigned Col,
                const std::string &Rule = "escape-return") {
  Finding F;
  F.Rule = Rule;
  F.Where = {File, Line, Col};
  F.Message = "address of local variable 'x' is returned from 'f'";
  return F;
}

} // namespace

TEST(NolintTest, Forms) {
  auto D = directives("int a; // NOLINT\n"
                      "int b; // NOLINT(escape-return, escape-g*)\n"
                      "// NOLINTNEXTLINE(*)\n"
                      "/* NOLINTBEGIN(escape-scope) */ x;\n"
                      "// NOLINTEND(escape-scope)\n");
  ASSERT_EQ(D.size(), 5u);
  EXPECT_EQ(D[0].Kind, NolintKind::SameLine);
  EXPECT_FALSE(D[0].HasChecks);
  EXPECT_EQ(D[0].Line, 1u);
  EXPECT_EQ(D[0].Col, 11u);
  EXPECT_TRUE(D[0].covers("escape-lambda"));
  EXPECT_TRUE(D[1].HasChecks);
  ASSERT_EQ(D[1].Globs.size(), 2u);
  EXPECT_EQ(D[1].Globs[1], "escape-g*");
  EXPECT_TRUE(D[1].covers("escape-global"));
  EXPECT_TRUE(D[1].covers("escape-return"));
  EXPECT_FALSE(D[1].covers("escape-scope"));
  EXPECT_EQ(D[1].Spelling, "NOLINT(escape-return, escape-g*)");
  EXPECT_EQ(D[2].Kind, NolintKind::NextLine);
  EXPECT_TRUE(D[2].covers("escape-scope"));
  EXPECT_EQ(D[3].Kind, NolintKind::Begin);
  EXPECT_EQ(D[3].Col, 4u);
  EXPECT_EQ(D[4].Kind, NolintKind::End);
  EXPECT_EQ(D[3].ChecksKey, D[4].ChecksKey);
}

TEST(NolintTest, ClangTidyCornerCases) {
  // A space before '(' makes a bare NOLINT; an unclosed list too.
  auto D = directives("x; // NOLINT (escape-return)\n"
                      "y; // NOLINT(escape-return\n"
                      "z; // NOLINT()\n"
                      "w; // NOLINT(-escape-return)\n");
  ASSERT_EQ(D.size(), 4u);
  EXPECT_FALSE(D[0].HasChecks);
  EXPECT_TRUE(D[0].covers("escape-global"));
  EXPECT_FALSE(D[1].HasChecks);
  EXPECT_TRUE(D[2].HasChecks);
  EXPECT_FALSE(D[2].covers("escape-return"));
  EXPECT_FALSE(D[3].covers("escape-return")); // negative globs are dropped
}

TEST(NolintTest, OnlyInCommentsAndWholeWords) {
  auto D = directives("const char *s = \"// NOLINT\"; char c = '\"';\n"
                      "auto r = R\"x(\n"
                      "// NOLINT inside a raw string\n"
                      ")x\"; int n = 1'000; // NOLINTNEXTLINE\n"
                      "/* a block\n"
                      "   NOLINTEND(escape-return) */\n"
                      "// NOLINTS NONOLINT\n"
                      "// ok \\\n"
                      "NOLINT continued line comment\n");
  ASSERT_EQ(D.size(), 3u);
  EXPECT_EQ(D[0].Kind, NolintKind::NextLine);
  EXPECT_EQ(D[0].Line, 4u);
  EXPECT_EQ(D[1].Kind, NolintKind::End);
  EXPECT_EQ(D[1].Line, 6u);
  EXPECT_EQ(D[1].Col, 4u);
  EXPECT_EQ(D[2].Line, 9u);
}

TEST(NolintTest, SuppressesAndTracksUse) {
  TempDir T;
  std::string F = T.write("a.cpp", "int *f() {\n"                    // 1
                                   "  return 0; // NOLINT\n"         // 2
                                   "  // NOLINTNEXTLINE(escape-global)\n" // 3
                                   "  g = 0;\n"                      // 4
                                   "  // NOLINTBEGIN(escape-r*)\n"   // 5
                                   "  return 0;\n"                   // 6
                                   "  // NOLINTEND(escape-r*)\n"     // 7
                                   "  // NOLINT(escape-lambda)\n"    // 8
                                   "  return 0;\n"                   // 9
                                   "}\n");
  SourceCache Sources;
  Suppressions S(Sources);
  std::vector<Finding> V = {finding(F, 2, 3), finding(F, 4, 3, "escape-global"),
                            finding(F, 6, 3), finding(F, 9, 3),
                            finding(F, 4, 3, "escape-scope")};
  EXPECT_EQ(S.filter(V), 3u);
  ASSERT_EQ(V.size(), 2u);
  EXPECT_EQ(V[0].Where.Line, 9u);
  EXPECT_EQ(V[1].Rule, "escape-scope");
  auto Unused = S.unused(F);
  ASSERT_EQ(Unused.size(), 1u);
  EXPECT_EQ(Unused[0].Where.Line, 8u);
  EXPECT_EQ(Unused[0].Where.Col, 6u);
  EXPECT_NE(Unused[0].Message.find("'NOLINT(escape-lambda)'"),
            std::string::npos);
  EXPECT_TRUE(S.unmatched(F).empty());
}

TEST(NolintTest, UnmatchedBlocksSuppressNothing) {
  TempDir T;
  std::string F = T.write("h.h", "// NOLINTBEGIN(escape-return)\n"
                                 "x;\n"
                                 "// NOLINTEND(escape-global)\n"
                                 "// NOLINT(bugprone-foo)\n");
  SourceCache Sources;
  Suppressions S(Sources);
  EXPECT_FALSE(S.suppresses(finding(F, 2, 1)));
  auto U = S.unmatched(F);
  ASSERT_EQ(U.size(), 2u);
  EXPECT_EQ(U[0].Where.Line, 1u);
  EXPECT_NE(U[0].Message.find("without a subsequent 'NOLINTEND(escape-return)'"),
            std::string::npos);
  EXPECT_EQ(U[1].Where.Line, 3u);
  EXPECT_NE(U[1].Message.find("without a previous"), std::string::npos);
  // Unmatched comments and other tools' comments are not "unused".
  EXPECT_TRUE(S.unused(F).empty());
}

TEST(BaselineTest, RoundTrip) {
  std::vector<BaselineEntry> In = {
      {"0123456789abcdef:1", "escape-return", "src/a.cpp", "say \"hi\""},
      {"0123456789abcdef:2", "escape-return", "src/a.cpp", "say \"hi\""}};
  std::string Json = baselineToJson(In);
  EXPECT_NE(Json.find("\"version\": 1"), std::string::npos);
  std::vector<BaselineEntry> Out;
  std::string Error;
  ASSERT_TRUE(parseBaseline(Json, Out, Error)) << Error;
  ASSERT_EQ(Out.size(), 2u);
  EXPECT_EQ(Out[1].Fingerprint, "0123456789abcdef:2");
  EXPECT_EQ(Out[0].Message, "say \"hi\"");
}

TEST(BaselineTest, MalformedFilesAreOneLineErrors) {
  std::vector<BaselineEntry> Out;
  std::string Error;
  for (const char *Bad :
       {"", "{", "[]", "{\"findings\": []}", "{\"version\": 2, \"findings\": []}",
        "{\"version\": 1}", "{\"version\": 1, \"findings\": [{}]}",
        "{\"version\": 1, \"findings\": [{\"fingerprint\": 3}]}"}) {
    Error.clear();
    EXPECT_FALSE(parseBaseline(Bad, Out, Error)) << Bad;
    EXPECT_FALSE(Error.empty()) << Bad;
    EXPECT_EQ(Error.find('\n'), std::string::npos) << Error;
  }
  EXPECT_TRUE(parseBaseline("{\"version\": 1, \"findings\": []}", Out, Error));
}

TEST(BaselineTest, MovedCodeStaysBaselinedChangedCodeDoesNot) {
  TempDir T;
  std::string V1 = "int *g;\nvoid f() {\n  int x;\n  g = &x;\n}\n";
  std::string F = T.write("a.cpp", V1);
  std::string Root = T.Path.string();
  std::vector<Finding> Run1 = {finding(F, 4, 3, "escape-global")};
  std::set<std::string> Known;
  {
    SourceCache Sources;
    for (const BaselineEntry &E : makeBaseline(Run1, Root, Sources)) {
      EXPECT_EQ(E.File, "a.cpp");
      Known.insert(E.Fingerprint);
    }
  }
  T.write("a.cpp", "// moved\n// down\n" + V1);
  {
    SourceCache Sources;
    std::vector<Finding> Run2 = {finding(F, 6, 3, "escape-global")};
    EXPECT_EQ(filterBaselined(Run2, Known, Root, Sources), 1u);
    EXPECT_TRUE(Run2.empty());
  }
  T.write("a.cpp", "int *g;\nvoid f() {\n  int x;\n  g = &x; // again\n}\n");
  {
    SourceCache Sources;
    std::vector<Finding> Run3 = {finding(F, 4, 3, "escape-global")};
    EXPECT_EQ(filterBaselined(Run3, Known, Root, Sources), 0u);
    EXPECT_EQ(Run3.size(), 1u);
  }
  // A second identical finding is new: the occurrence count differs.
  T.write("a.cpp", "int *g;\nvoid f() {\n  int x;\n  g = &x;\n  g = &x;\n}\n");
  {
    SourceCache Sources;
    std::vector<Finding> Run4 = {finding(F, 4, 3, "escape-global"),
                                 finding(F, 5, 3, "escape-global")};
    EXPECT_EQ(filterBaselined(Run4, Known, Root, Sources), 1u);
    EXPECT_EQ(Run4.size(), 1u);
  }
}

TEST(DiffTest, GitU0) {
  std::vector<DiffFile> Files;
  std::string Error;
  ASSERT_TRUE(parseUnifiedDiff("diff --git a/src/a.cpp b/src/a.cpp\n"
                               "index 1111111..2222222 100644\n"
                               "--- a/src/a.cpp\n"
                               "+++ b/src/a.cpp\n"
                               "@@ -3 +3 @@ void f() {\n"
                               "-  old;\n"
                               "+  new;\n"
                               "@@ -10,0 +11,2 @@\n"
                               "+  a;\n"
                               "+  b;\n"
                               "@@ -20,2 +22,0 @@\n"
                               "-  gone;\n"
                               "-  gone;\n"
                               "diff --git a/old.cpp b/old.cpp\n"
                               "deleted file mode 100644\n"
                               "--- a/old.cpp\n"
                               "+++ /dev/null\n"
                               "@@ -1 +0,0 @@\n"
                               "-x\n"
                               "\\ No newline at end of file\n",
                               Files, Error))
      << Error;
  ASSERT_EQ(Files.size(), 2u);
  EXPECT_EQ(Files[0].Path, "b/src/a.cpp");
  ASSERT_EQ(Files[0].Added.size(), 2u);
  EXPECT_EQ(Files[0].Added[0], std::make_pair(3u, 3u));
  EXPECT_EQ(Files[0].Added[1], std::make_pair(11u, 12u));
  EXPECT_EQ(Files[1].Path, "/dev/null");
  EXPECT_TRUE(Files[1].Added.empty());
}

TEST(DiffTest, DiffUWithContextAndTimestamps) {
  std::vector<DiffFile> Files;
  std::string Error;
  ASSERT_TRUE(parseUnifiedDiff("--- v1.cpp\t2024-01-01 10:00:00.000 +0100\n"
                               "+++ v2.cpp\t2024-01-01 10:00:01.000 +0100\n"
                               "@@ -1,4 +1,5 @@\n"
                               " a\n"
                               "-b\n"
                               "+B\n"
                               "+C\n"
                               "\n" // a context line stripped of its blank
                               " d\n",
                               Files, Error))
      << Error;
  ASSERT_EQ(Files.size(), 1u);
  EXPECT_EQ(Files[0].Path, "v2.cpp");
  ASSERT_EQ(Files[0].Added.size(), 1u);
  EXPECT_EQ(Files[0].Added[0], std::make_pair(2u, 3u));
  // Quoted git paths.
  ASSERT_TRUE(parseUnifiedDiff("--- \"a/t\\303\\251st.cpp\"\n"
                               "+++ \"b/t\\303\\251st.cpp\"\n"
                               "@@ -0,0 +1 @@\n+x\n",
                               Files, Error))
      << Error;
  EXPECT_EQ(Files[0].Path, "b/t\xc3\xa9st.cpp");
  // No changes at all is a valid, empty diff.
  EXPECT_TRUE(parseUnifiedDiff("", Files, Error));
  EXPECT_TRUE(Files.empty());
}

TEST(DiffTest, MalformedDiffs) {
  std::vector<DiffFile> Files;
  std::string Error;
  for (const char *Bad : {
           "this is not a diff\n",
           "@@ -1 +1 @@\n-a\n+b\n",                      // no file header
           "--- a/x\n@@ -1 +1 @@\n",                     // no +++
           "--- a/x\n+++ b/x\n@@ -1 +1\n-a\n+b\n",      // bad header
           "--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n-a\n+b\n", // truncated
           "--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n+c\n", // too long
           "--- a/x\n+++ b/x\n@@ -x +1 @@\n",
           "--- a/x\n+++ b/x\n@@@ -1 -1 +1 @@@\n",
       }) {
    Error.clear();
    EXPECT_FALSE(parseUnifiedDiff(Bad, Files, Error)) << Bad;
    EXPECT_EQ(Error.rfind("line ", 0), Bad[0] == 't' ? std::string::npos : 0u)
        << Error;
    EXPECT_EQ(Error.find('\n'), std::string::npos) << Error;
  }
}

TEST(DiffTest, PathsResolveAgainstTheSourceRoot) {
  TempDir T;
  std::string A = T.write("src/a.cpp", "x\n");
  std::string BDir = T.write("b/real.cpp", "x\n");
  std::string Root = T.Path.string();
  EXPECT_EQ(resolveDiffPath("b/src/a.cpp", Root), canonicalFile(A));
  EXPECT_EQ(resolveDiffPath("src/a.cpp", Root), canonicalFile(A));
  EXPECT_EQ(resolveDiffPath(A, "/elsewhere"), canonicalFile(A));
  // Only the unstripped path exists: it is a directory named b.
  EXPECT_EQ(resolveDiffPath("b/real.cpp", Root), canonicalFile(BDir));
  ChangedLines C({{"b/src/a.cpp", {{2, 4}}}}, Root);
  EXPECT_TRUE(C.changed(T.Path.string() + "/src/../src/a.cpp", 3));
  EXPECT_FALSE(C.changed(A, 5));
  EXPECT_FALSE(C.changed(BDir, 3));
}
