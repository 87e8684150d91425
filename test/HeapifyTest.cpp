//===- HeapifyTest.cpp - Fix-its, refusals, placements, site reports ------===//

#include "GraphBuilder.h"

#include "cxxescape/FixPreview.h"
#include "cxxescape/Fixes.h"
#include "cxxescape/HtmlReporter.h"
#include "cxxescape/Serialize.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

using namespace cxxescape;
using namespace cxxescape::test;

namespace {

HeapifyPlan objectPlan() {
  HeapifyPlan P;
  P.Form = HeapifyForm::Object;
  P.Type = "int";
  P.Edits = {{"/src/a.cpp", 0, 0, "#include \"gc/gc.h\"\n"},
             {"/src/a.cpp", 20, 0, "&"},
             {"/src/a.cpp", 21, 0, " = *gc::make<int>()"}};
  return P;
}

/// f() { int x; int y; return &x; } with x's plan; the witness of x.
struct Returned {
  Graph G;
  LocId X, Y, R;
  Witness W;
  Returned() {
    GraphBuilder B(G);
    FuncId F = B.func("f");
    X = B.local(F, "x");
    Y = B.local(F, "y");
    R = B.result(F);
    G.loc(X).Decl = {G.internFile("/src/a.cpp"), 2, 7};
    G.loc(Y).Decl = {G.internFile("/src/a.cpp"), 3, 7};
    G.loc(X).Heapify = objectPlan();
    B.assign(R, X, -1);
    W.Object = X;
    W.Holder = R;
    W.Steps = {{R, 0}};
  }
};

TEST(HeapifyTest, PlanBecomesTheFixIt) {
  Returned T;
  Finding F;
  F.Rule = "escape-return";
  attachHeapifyFix(T.G, T.W, F);
  ASSERT_EQ(F.Fixes.size(), 1u);
  EXPECT_TRUE(F.NoFixReason.empty());
  EXPECT_EQ(F.Fixes[0].Description, "move 'x' to the GC heap (gc::make<int>)");
  ASSERT_EQ(F.Fixes[0].Replacements.size(), 3u);
  EXPECT_EQ(F.Fixes[0].Replacements[2].Text, " = *gc::make<int>()");
  EXPECT_EQ(F.Fixes[0].Replacements[2].Offset, 21u);
}

TEST(HeapifyTest, RefusedPlanGivesItsReason) {
  Returned T;
  T.G.loc(T.X).Heapify.mut().Edits.clear();
  T.G.loc(T.X).Heapify.mut().Refusal = "a structured binding ...";
  Finding F;
  F.Rule = "escape-return";
  attachHeapifyFix(T.G, T.W, F);
  EXPECT_TRUE(F.Fixes.empty());
  EXPECT_EQ(F.NoFixReason, "a structured binding ...");
}

TEST(HeapifyTest, InvisibleDestinationsAreRefused) {
  for (const char *Rule : {"escape-container", "escape-thread", "escape-throw",
                           "escape-view", "escape-unknown-call"}) {
    Returned T;
    Finding F;
    F.Rule = Rule;
    attachHeapifyFix(T.G, T.W, F);
    EXPECT_TRUE(F.Fixes.empty()) << Rule;
    EXPECT_FALSE(F.NoFixReason.empty()) << Rule;
  }
  // Through memory from new: the collector does not scan it.
  Returned T;
  GraphBuilder B(T.G);
  LocId N = B.alloc(T.G.loc(T.X).Fn, "new Node");
  B.assign(N, T.X, -1);
  T.W.Holder = N;
  T.W.Steps = {{N, 0}};
  Finding F;
  F.Rule = "escape-global";
  attachHeapifyFix(T.G, T.W, F);
  EXPECT_TRUE(F.Fixes.empty());
  EXPECT_NE(F.NoFixReason.find("memory from 'new Node'"), std::string::npos);
}

TEST(HeapifyTest, PlacementsFollowTheWitnesses) {
  Returned T;
  // r: a reference already bound to a gc::make object, at line 4 col 12.
  GraphBuilder B(T.G);
  LocId Ref = B.local(T.G.loc(T.X).Fn, "r");
  T.G.loc(Ref).IsReference = true;
  T.G.loc(Ref).Decl = {T.G.internFile("/src/a.cpp"), 4, 8};
  T.G.loc(Ref).Heapify.mut().OnGcHeap = true;
  T.G.loc(Ref).Heapify.mut().SiteLine = 4;
  T.G.loc(Ref).Heapify.mut().SiteCol = 12;
  std::vector<LocalPlacement> Ps = placeLocals(T.G, {T.W});
  ASSERT_EQ(Ps.size(), 3u);
  EXPECT_EQ(Ps[0].Name, "x");
  EXPECT_TRUE(Ps[0].Heap);
  EXPECT_EQ(Ps[0].Why, "its address is returned");
  EXPECT_EQ(Ps[1].Name, "y");
  EXPECT_FALSE(Ps[1].Heap);
  EXPECT_EQ(Ps[2].Name, "r");
  EXPECT_TRUE(Ps[2].Heap);
  EXPECT_EQ(Ps[2].Site.Line, 4u);
  EXPECT_EQ(Ps[2].Site.Col, 12u);
  // Without witnesses, x is on the stack too.
  EXPECT_FALSE(placeLocals(T.G, {})[0].Heap);
}

TEST(HeapifyTest, PlanSurvivesIRFiles) {
  Returned T;
  T.G.loc(T.Y).Heapify.mut().Form = HeapifyForm::Array;
  T.G.loc(T.Y).Heapify.mut().Refusal = "why";
  T.G.loc(T.Y).Heapify.mut().OnGcHeap = true;
  T.G.loc(T.Y).Heapify.mut().SiteLine = 9;
  Graph Back;
  std::string Error;
  ASSERT_TRUE(deserializeGraph(serializeGraph(T.G), Back, Error)) << Error;
  const HeapifyPlan &P = *Back.loc(T.X).Heapify;
  EXPECT_EQ(P.Form, HeapifyForm::Object);
  EXPECT_EQ(P.Type, "int");
  ASSERT_EQ(P.Edits.size(), 3u);
  EXPECT_EQ(P.Edits[1].Offset, 20u);
  EXPECT_EQ(P.Edits[1].Text, "&");
  EXPECT_EQ(P.Edits[0].File, "/src/a.cpp");
  const HeapifyPlan &Q = *Back.loc(T.Y).Heapify;
  EXPECT_EQ(Q.Form, HeapifyForm::Array);
  EXPECT_EQ(Q.Refusal, "why");
  EXPECT_TRUE(Q.OnGcHeap);
  EXPECT_EQ(Q.SiteLine, 9u);
}

TEST(HeapifyTest, SiteReportParses) {
  std::vector<SiteCost> Sites;
  std::string Error;
  ASSERT_TRUE(parseSiteReport(
      R"json({"cycles":3,"live_bytes":40,"heap_bytes":131072,"sites":[
{"file":"/src/a.cpp","line":17,"column":12,"function":"void f()","type":"Node","objects":1000,"bytes":32000,"live_objects":1,"live_bytes":32}
]})json",
      Sites, Error))
      << Error;
  ASSERT_EQ(Sites.size(), 1u);
  EXPECT_EQ(Sites[0].Where.File, "/src/a.cpp");
  EXPECT_EQ(Sites[0].Where.Line, 17u);
  EXPECT_EQ(Sites[0].Where.Col, 12u);
  EXPECT_EQ(Sites[0].Type, "Node");
  EXPECT_EQ(Sites[0].Objects, 1000u);
  EXPECT_EQ(Sites[0].LiveBytes, 32u);
  EXPECT_FALSE(parseSiteReport("gc: allocation sites", Sites, Error));
  EXPECT_FALSE(parseSiteReport(R"({"sites":{}})", Sites, Error));
  EXPECT_FALSE(
      parseSiteReport(R"({"sites":[{"file":"a","line":-1}]})", Sites, Error));
  EXPECT_NE(Error.find("site 0"), std::string::npos);
}

TEST(HeapifyTest, PreviewShowsRewrittenLines) {
  std::string Path = testing::TempDir() + "heapify-preview.cpp";
  {
    std::ofstream Out(Path);
    Out << "#include <x>\nint *f() {\n  int x;\n  return &x;\n}\n";
  }
  FixIt Fix;
  Fix.Replacements = {{Path, 13, 0, "#include \"gc/gc.h\"\n"},
                      {Path, 30, 0, "&"},
                      {Path, 31, 0, " = *gc::make<int>()"}};
  std::vector<PreviewLine> Lines = previewFix(Fix);
  ASSERT_EQ(Lines.size(), 2u);
  EXPECT_EQ(Lines[0].Where.Line, 2u);
  EXPECT_EQ(Lines[0].Text, "#include \"gc/gc.h\"");
  EXPECT_EQ(Lines[1].Where.Line, 3u);
  EXPECT_EQ(Lines[1].Where.Col, 7u);
  EXPECT_EQ(Lines[1].Text, "  int &x = *gc::make<int>();");
  // Offsets past the end of the file: no preview rather than a wrong one.
  Fix.Replacements[2].Offset = 500;
  EXPECT_TRUE(previewFix(Fix).empty());
  std::remove(Path.c_str());
}

} // namespace
