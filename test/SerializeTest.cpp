//===- SerializeTest.cpp - IR files: round trips and damaged files -------===//
//
// A graph read back must be the graph written, field by field, and analyse to
// the same findings; a file that is not exactly what this build writes must
// be refused with one line, never crash.
//
//===----------------------------------------------------------------------===//

#include "cxxescape/ProgramLinker.h"
#include "cxxescape/Serialize.h"
#include "cxxescape/Engine.h"

#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>

using namespace cxxescape;
using json = nlohmann::json;

namespace {

// Field-by-field comparisons: a field the serializer forgets shows up here
// by name.

void expectSame(const Pos &A, const Pos &B) {
  EXPECT_EQ(A.File, B.File);
  EXPECT_EQ(A.Line, B.Line);
  EXPECT_EQ(A.Col, B.Col);
}

void expectSame(const FunctionSummary &A, const FunctionSummary &B) {
  ASSERT_EQ(A.Slots.size(), B.Slots.size());
  for (size_t I = 0; I < A.Slots.size(); ++I) {
    ASSERT_EQ(A.Slots[I].Leaks.size(), B.Slots[I].Leaks.size());
    for (size_t J = 0; J < A.Slots[I].Leaks.size(); ++J) {
      const Leak &X = A.Slots[I].Leaks[J], &Y = B.Slots[I].Leaks[J];
      EXPECT_EQ(X.Sink, Y.Sink);
      EXPECT_EQ(X.Derefs, Y.Derefs);
      EXPECT_EQ(X.ContentSlot, Y.ContentSlot);
      EXPECT_EQ(X.Kind, Y.Kind);
      EXPECT_EQ(X.Where, Y.Where);
      EXPECT_EQ(X.When, Y.When);
      EXPECT_EQ(X.FieldR, Y.FieldR);
      EXPECT_EQ(X.FieldP, Y.FieldP);
    }
  }
}

void expectSame(const Edge &A, const Edge &B) {
  EXPECT_EQ(A.Src, B.Src);
  EXPECT_EQ(A.Derefs, B.Derefs);
  EXPECT_EQ(A.Flags, B.Flags);
  EXPECT_EQ(A.Store, B.Store);
  EXPECT_EQ(A.Read, B.Read);
  EXPECT_EQ(A.FieldW, B.FieldW);
  EXPECT_EQ(A.FieldR, B.FieldR);
  EXPECT_EQ(A.FieldP, B.FieldP);
  EXPECT_EQ(A.When, B.When);
  ASSERT_EQ(A.Notes.size(), B.Notes.size());
  for (size_t I = 0; I < A.Notes.size(); ++I) {
    expectSame(A.Notes[I].Where, B.Notes[I].Where);
    EXPECT_EQ(A.Notes[I].Why, B.Notes[I].Why);
    EXPECT_EQ(A.Notes[I].Text, B.Notes[I].Text);
  }
}

void expectSame(const Location &A, const Location &B) {
  EXPECT_EQ(A.Kind, B.Kind);
  EXPECT_EQ(A.Sink, B.Sink);
  EXPECT_EQ(A.Global, B.Global);
  EXPECT_EQ(A.Name, B.Name);
  expectSame(A.Decl, B.Decl);
  EXPECT_EQ(A.Fn, B.Fn);
  EXPECT_EQ(A.Scope, B.Scope);
  EXPECT_EQ(A.ResultIndex, B.ResultIndex);
  EXPECT_EQ(A.IsReference, B.IsReference);
  EXPECT_EQ(A.Extended, B.Extended);
  EXPECT_EQ(A.Attrs, B.Attrs);
  EXPECT_EQ(A.PtrOf, B.PtrOf);
  EXPECT_EQ(A.Via, B.Via);
  EXPECT_EQ(A.EntryStore, B.EntryStore);
  EXPECT_EQ(A.Frees, B.Frees);
  EXPECT_EQ(A.Alloc->Form, B.Alloc->Form);
  EXPECT_EQ(A.Alloc->Type, B.Alloc->Type);
  EXPECT_EQ(A.Alloc->SizeKnown, B.Alloc->SizeKnown);
  EXPECT_EQ(A.Alloc->Bytes, B.Alloc->Bytes);
  EXPECT_EQ(A.Alloc->Holder, B.Alloc->Holder);
  EXPECT_EQ(A.Alloc->Freed, B.Alloc->Freed);
  EXPECT_EQ(A.Alloc->OwnerKeeps, B.Alloc->OwnerKeeps);
  EXPECT_EQ(A.Alloc->OwnerChange, B.Alloc->OwnerChange);
  EXPECT_EQ(A.ParamLeaks.Heap, B.ParamLeaks.Heap);
  for (int I = 0; I < Leaks::NumResults; ++I)
    EXPECT_EQ(A.ParamLeaks.Result[I], B.ParamLeaks.Result[I]);
  ASSERT_EQ(A.In.size(), B.In.size());
  for (size_t I = 0; I < A.In.size(); ++I)
    expectSame(A.In[I], B.In[I]);
}

void expectSame(const Function &A, const Function &B) {
  EXPECT_EQ(A.Name, B.Name);
  EXPECT_EQ(A.WritesFields, B.WritesFields);
  EXPECT_EQ(A.ReadsGlobals, B.ReadsGlobals);
  EXPECT_EQ(A.LoopCalls, B.LoopCalls);
  EXPECT_EQ(A.Parent, B.Parent);
  EXPECT_EQ(A.BodyScope, B.BodyScope);
  EXPECT_EQ(A.Result, B.Result);
  EXPECT_EQ(A.This, B.This);
  EXPECT_EQ(A.Params, B.Params);
  expectSame(A.Where, B.Where);
  EXPECT_EQ(A.IsLambda, B.IsLambda);
  EXPECT_EQ(A.ReturnsRef, B.ReturnsRef);
  EXPECT_EQ(A.Usr, B.Usr);
  EXPECT_EQ(A.Overrides, B.Overrides);
  expectSame(A.Declared, B.Declared);
  expectSame(A.Summary, B.Summary);
}

void expectSame(const CallSite &A, const CallSite &B) {
  EXPECT_EQ(A.Caller, B.Caller);
  EXPECT_EQ(A.Callee, B.Callee);
  EXPECT_EQ(A.ModelName, B.ModelName);
  EXPECT_EQ(A.Display, B.Display);
  expectSame(A.Where, B.Where);
  EXPECT_EQ(A.Virtual, B.Virtual);
  EXPECT_EQ(A.Indirect, B.Indirect);
  EXPECT_EQ(A.Constructor, B.Constructor);
  EXPECT_EQ(A.Slots, B.Slots);
  EXPECT_EQ(A.SlotNames, B.SlotNames);
  EXPECT_EQ(A.Result, B.Result);
  expectSame(A.Declared, B.Declared);
  EXPECT_EQ(A.NoEscape, B.NoEscape);
  EXPECT_EQ(A.PlainContent, B.PlainContent);
  EXPECT_EQ(A.SlotKnown, B.SlotKnown);
  EXPECT_EQ(A.SlotValues, B.SlotValues);
  EXPECT_EQ(A.After, B.After);
}

void expectSame(const Graph &A, const Graph &B) {
  EXPECT_EQ(A.MainFile, B.MainFile);
  EXPECT_EQ(A.files(), B.files());
  EXPECT_EQ(A.numFields(), B.numFields());
  EXPECT_EQ(A.heapLoc(), B.heapLoc());
  ASSERT_EQ(A.numLocs(), B.numLocs());
  for (LocId I = 0; I < A.numLocs(); ++I) {
    SCOPED_TRACE("location " + std::to_string(I));
    expectSame(A.loc(I), B.loc(I));
  }
  ASSERT_EQ(A.numFuncs(), B.numFuncs());
  for (FuncId I = 0; I < A.numFuncs(); ++I) {
    SCOPED_TRACE("function " + std::to_string(I));
    expectSame(A.func(I), B.func(I));
    // Scopes have no count accessor: compare those functions use.
    ScopeId S = A.func(I).BodyScope;
    if (S != NoScope) {
      EXPECT_EQ(A.scope(S).Parent, B.scope(S).Parent);
      EXPECT_EQ(A.scope(S).Fn, B.scope(S).Fn);
      EXPECT_EQ(A.scope(S).Depth, B.scope(S).Depth);
      EXPECT_EQ(A.scope(S).LoopDepth, B.scope(S).LoopDepth);
      EXPECT_EQ(A.scope(S).FullExpr, B.scope(S).FullExpr);
    }
  }
  ASSERT_EQ(A.numStores(), B.numStores());
  for (StoreId I = 0; I < A.numStores(); ++I) {
    const Store &X = A.store(I), &Y = B.store(I);
    EXPECT_EQ(X.Conservative, Y.Conservative);
    EXPECT_EQ(X.Fn, Y.Fn);
    EXPECT_EQ(X.OutlivesFunction, Y.OutlivesFunction);
    EXPECT_EQ(X.Survives, Y.Survives);
    EXPECT_EQ(X.TracksReads, Y.TracksReads);
    EXPECT_EQ(X.Reads, Y.Reads);
    EXPECT_EQ(X.DstField, Y.DstField);
    ASSERT_EQ(X.KilledBy.size(), Y.KilledBy.size());
    for (size_t K = 0; K < X.KilledBy.size(); ++K) {
      EXPECT_EQ(X.KilledBy[K].Obj, Y.KilledBy[K].Obj);
      EXPECT_EQ(X.KilledBy[K].Calls, Y.KilledBy[K].Calls);
      EXPECT_EQ(X.KilledBy[K].LoopCalls, Y.KilledBy[K].LoopCalls);
      EXPECT_EQ(X.KilledBy[K].Writes, Y.KilledBy[K].Writes);
    }
  }
  ASSERT_EQ(A.numCalls(), B.numCalls());
  for (CallId I = 0; I < A.numCalls(); ++I) {
    SCOPED_TRACE("call " + std::to_string(I));
    expectSame(A.call(I), B.call(I));
  }
}

/// A graph with every field of every record away from its default.
Graph handBuilt() {
  Graph G;
  G.MainFile = "/src/main.cpp";
  FileId Main = G.internFile("/src/main.cpp");
  FileId Header = G.internFile("/src/inc/h.h");
  Function F;
  F.Name = "outer";
  F.Where = {Main, 3, 7};
  F.ReturnsRef = true;
  F.Usr = "c:@F@outer#";
  F.Overrides = {"c:@S@Base@F@outer#", "c:@S@Root@F@outer#"};
  F.Declared.slot(1).add({LeakSink::Result, 0, -1, "view", "the result"});
  F.Summary.slot(0).add({LeakSink::Content, 1, 2, "container", "'v'"});
  F.Summary.slot(2).add({LeakSink::Thread, 0, -1, "thread", "a thread"});
  F.Summary.slot(1).add({LeakSink::Result, 0, -1, "", "", {}, 3});
  F.Summary.slot(1).add({LeakSink::Heap, 1, -1, "", "", {}, 0, 4});
  FuncId Outer = G.addFunction(F);
  ScopeId Body = G.addScope(NoScope, Outer);
  ScopeId Loop = G.addScope(Body, Outer, /*FullExpr=*/true, /*Loop=*/true);
  Function L;
  L.Name = "outer::lambda";
  L.Parent = Outer;
  L.IsLambda = true;
  FuncId Lambda = G.addFunction(L);
  G.func(Lambda).BodyScope = G.addScope(Loop, Lambda);
  G.func(Outer).BodyScope = Body;

  Location X;
  X.Kind = LocKind::Variable;
  X.Name = "x";
  X.Decl = {Header, 10, 4};
  X.Fn = Outer;
  X.Scope = Loop;
  X.IsReference = true;
  X.Extended = true;
  X.Attrs = AttrEscapes | AttrPersists;
  LocId XL = G.addLocation(X);
  Location P;
  P.Kind = LocKind::Param;
  P.Name = "p";
  P.Fn = Outer;
  P.Scope = Body;
  P.ResultIndex = 2;
  P.ParamLeaks.addHeap(3);
  P.ParamLeaks.addResult(1, 0);
  P.ParamLeaks.addResult(4, 2);
  LocId PL = G.addLocation(P);
  G.func(Outer).Params = {PL};
  LocId Res = G.addLocation(Location{});
  G.loc(Res).Kind = LocKind::Result;
  G.func(Outer).Result = Res;
  G.func(Outer).This = XL;
  LocId Ind = G.addLocation(Location{});
  G.loc(Ind).Kind = LocKind::Indirect;
  G.loc(Ind).PtrOf = PL;
  G.loc(Ind).Via = PL;
  StoreId St = G.addStore();
  G.store(St).Conservative = false;
  G.store(St).Fn = Outer;
  G.store(St).OutlivesFunction = false;
  G.store(St).Survives = {XL, PL};
  G.store(St).TracksReads = true;
  uint32_t R1 = G.newRead(Outer), R2 = G.newRead(Lambda);
  G.store(St).Reads = {R1, R2};
  G.loc(PL).EntryStore = St;
  LocId Glob = G.addSink(SinkKind::Global, NoFunc, "global 'g'", {Main, 1, 1});
  G.loc(Glob).Global = 4;
  Location A;
  A.Kind = LocKind::Alloc;
  A.Name = "new S";
  A.Fn = Outer;
  A.Alloc.mut().Form = AllocForm::NewArray;
  A.Alloc.mut().Type = "S[4]";
  A.Alloc.mut().SizeKnown = true;
  A.Alloc.mut().Bytes = (uint64_t(1) << 40) + 16; // more than 32 bits
  A.Alloc.mut().Holder = "p";
  A.Alloc.mut().Freed = FreeFacts::SomePaths;
  A.Alloc.mut().OwnerKeeps = true;
  A.Alloc.mut().OwnerChange = "it grows ('push_back')";
  G.addLocation(A);
  Location D;
  D.Kind = LocKind::Temp;
  D.Frees = true;
  G.addLocation(D);
  for (const char *Key : {"fc:@S@A@FI@a", "fc:@S@A@FI@b", "i0", "i1"})
    G.internField(Key);
  G.addEdge(Ind, XL, -1, EdgeValueSpill | EdgeResolved, St,
            {Note{{Main, 4, 5}, "address-of", "&x"},
             Note{{Header, 5, 6}, "assign", "p = &x"}},
            R2, 3, 4);
  G.addEdge(G.heapLoc(), PL, 1, 0, AlwaysHeld, {}, R1);
  G.addEdge(Res, PL, 1, EdgeCallResult, NoStore, {}, 0, 0, 1, 2);

  CallSite C;
  C.Caller = Outer;
  C.Callee = "c:@F@callee#*I#";
  C.ModelName = "std::vector::push_back";
  C.Display = "push_back";
  C.Where = {Main, 8, 9};
  C.Virtual = C.Indirect = C.Constructor = true;
  C.Slots = {NoLoc, XL, PL};
  C.SlotNames = {"this", "a", "b"};
  C.Result = Res;
  C.Declared.slot(2).add({LeakSink::Global, 1, -1, "", "global 'g'"});
  C.NoEscape = {0, 1, 0};
  C.PlainContent = {1, 0, 0};
  C.SlotKnown = {0, 0, 1};
  C.SlotValues = {0, 0, -7};
  C.After = St;
  C.Declared.slot(1).add(
      {LeakSink::Content, 1, 0, "", "", ParamGuard{2, 3, true}});
  CallId Call = G.addCallSite(C);
  G.store(St).DstField = 2;
  G.store(St).KilledBy = {{XL, {Call}, {}, {2}}, {NoLoc, {}, {Call}, {}}};
  G.func(Outer).LoopCalls = {Call};
  G.func(Outer).WritesFields = {1, 3};
  G.func(Outer).ReadsGlobals = {2, 4};
  return G;
}

Graph roundTrip(const Graph &G) {
  Graph Out;
  std::string Error;
  EXPECT_TRUE(deserializeGraph(serializeGraph(G), Out, Error)) << Error;
  return Out;
}

TEST(SerializeTest, EveryFieldSurvives) {
  Graph G = handBuilt();
  Graph Back = roundTrip(G);
  expectSame(G, Back);
  // The file index is rebuilt: interning a known name gives its old id.
  EXPECT_EQ(Back.internFile("/src/inc/h.h"), G.internFile("/src/inc/h.h"));
  // Reads and stores keep their meaning.
  EXPECT_EQ(Back.storeReaches(2, 1), G.storeReaches(2, 1));
  EXPECT_EQ(Back.scopeEncloses(0, 1), G.scopeEncloses(0, 1));
  EXPECT_EQ(serializeGraph(Back), serializeGraph(G));
}

TEST(SerializeTest, EmptyGraph) {
  Graph G;
  expectSame(G, roundTrip(G));
}

class SerializeLoweredTest : public ::testing::Test {
protected:
  std::vector<std::unique_ptr<clang::ASTUnit>> ASTs;

  Graph lower(const std::string &Code, const std::string &Name) {
    ASTs.push_back(clang::tooling::buildASTFromCodeWithArgs(
        Code, {"-std=c++20", "-w"}, Name));
    EXPECT_TRUE(ASTs.back());
    return lowerUnit(ASTs.back()->getASTContext());
  }
  static std::vector<std::string> verdicts(Graph G) {
    std::vector<Finding> Fs = analyzeProgram(G, EngineOptions()).Findings;
    sortAndDedupe(Fs);
    std::vector<std::string> Out;
    for (const Finding &F : Fs) {
      std::string S = F.Rule + " " + F.Where.File + ":" +
                      std::to_string(F.Where.Line) + ":" +
                      std::to_string(F.Where.Col) + " " + F.Message;
      for (const FindingNote &N : F.Notes)
        S += " | " + std::to_string(N.Where.Line) + " " + N.Message;
      Out.push_back(S);
    }
    return Out;
  }
};

const char *const Code = R"(
  int *g;
  struct S { int *m; void set(int *p) { m = p; } virtual int *get(); };
  int *ret() { int x = 0; return &x; }
  void glob() { int y = 0; g = &y; }
  void member(S &s) { int z = 0; s.m = &z; }
  int &viaRef(int &r) { return r; }
  int *caller() { int w = 0; return &viaRef(w); }
  auto lam() { int c = 1; return [&c] { return c; }; }
  void loop() {
    int *p = nullptr;
    for (int i = 0; i < 3; ++i) { int t = i; p = &t; }
    (void)p;
  }
  void thrower() { int e = 0; throw &e; }
)";

TEST_F(SerializeLoweredTest, RealCodeRoundTripsAndAnalysesTheSame) {
  Graph G = lower(Code, "/src/input.cpp");
  ASSERT_GT(G.numLocs(), 20u);
  ASSERT_GT(G.numCalls(), 0u);
  EXPECT_EQ(G.MainFile, "/src/input.cpp");
  std::string Bytes = serializeGraph(G);
  Graph Back;
  std::string Error;
  ASSERT_TRUE(deserializeGraph(Bytes, Back, Error)) << Error;
  expectSame(G, Back);
  EXPECT_EQ(serializeGraph(Back), Bytes);
  std::vector<std::string> Want = verdicts(G);
  EXPECT_GE(Want.size(), 3u);
  EXPECT_EQ(verdicts(Back), Want);
}

// The facts of escape-heap-to-stack and escape-leak (sizes, deletes on
// every path, owners) are lowering's: they must survive --emit-ir and link.
TEST_F(SerializeLoweredTest, AllocationFactsSurviveTheRoundTrip) {
  Graph G = lower(R"(
    #include <memory>
    #include <vector>
    struct P { int x, y; };
    int freed(bool c) {
      P *p = new P{1, 2};
      int r = p->x;
      if (c) { delete p; return r; }
      delete p;
      return r + 1;
    }
    int lost() { int *q = new int[4]; return q[0]; }
    int owned() { auto u = std::make_unique<P>(); return u->x; }
    int shared() { auto s = std::make_shared<P>(); auto t = s; return t->y; }
    int fixed() { std::vector<int> v(8); return v[0]; }
  )", "/src/allocs.cpp");
  Graph Back = roundTrip(G);
  expectSame(G, Back);
  auto Findings = [](Graph Program) {
    EngineOptions Opts;
    Opts.Checks = CheckFilter("escape-heap-to-stack,escape-leak");
    std::vector<Finding> Fs = analyzeProgram(Program, Opts).Findings;
    sortAndDedupe(Fs);
    std::vector<std::string> Out;
    for (const Finding &F : Fs)
      Out.push_back(std::to_string(F.Where.Line) + " " + F.Rule + " " +
                    F.Message);
    return Out;
  };
  std::vector<std::string> Want = Findings(G);
  ASSERT_EQ(Want.size(), 5u);
  EXPECT_NE(Want[0].find("(8 bytes) never escapes and is deleted on every "
                         "path"),
            std::string::npos)
      << Want[0];
  EXPECT_NE(Want[1].find("escape-leak memory allocated by 'new int[4]'"),
            std::string::npos)
      << Want[1];
  EXPECT_NE(Want[2].find("std::make_unique"), std::string::npos) << Want[2];
  EXPECT_NE(Want[3].find("std::make_shared"), std::string::npos) << Want[3];
  EXPECT_NE(Want[4].find("'int[8]', 32 bytes"), std::string::npos) << Want[4];
  EXPECT_EQ(Findings(roundTrip(G)), Want);
  EXPECT_EQ(Findings(linkProgram({roundTrip(G)})), Want);
}

TEST_F(SerializeLoweredTest, LoweringTwiceGivesTheSameBytes) {
  EXPECT_EQ(serializeGraph(lower(Code, "/src/a.cpp")),
            serializeGraph(lower(Code, "/src/a.cpp")));
}

TEST_F(SerializeLoweredTest, LinkingLoadedUnitsIsLinkingTheOriginals) {
  const char *Header = "inline int *shared() { int s = 0; return &s; }\n";
  Graph A =
      lower(std::string(Header) + "int *g; void a() { int l = 0; g = &l; }",
            "/src/a.cpp");
  // g is read in the other unit only: the store into it is still a finding.
  Graph B = lower(std::string(Header) + "int *b() { int m = 0; return &m; }"
                                        "extern int *g; int *peek() { return g; }",
                  "/src/b.cpp");
  std::vector<std::string> Want = verdicts(linkProgram({A, B}));
  // Reversed input order: the link sorts by main file anyway.
  std::vector<std::string> Got =
      verdicts(linkProgram({roundTrip(B), roundTrip(A)}));
  EXPECT_EQ(Got, Want);
  EXPECT_GE(Want.size(), 3u);
}

TEST_F(SerializeLoweredTest, FilesOnDisk) {
  Graph G = lower(Code, "/src/input.cpp");
  std::string Path = ::testing::TempDir() + "serialize-test.cxxir";
  std::string Error;
  ASSERT_TRUE(writeGraphFile(G, Path, Error)) << Error;
  Graph Back;
  ASSERT_TRUE(readGraphFile(Path, Back, Error)) << Error;
  expectSame(G, Back);
  std::remove(Path.c_str());
  EXPECT_FALSE(readGraphFile(Path, Back, Error));
  EXPECT_EQ(Error, Path + ": cannot read the IR file");
  EXPECT_FALSE(writeGraphFile(G, "/nonexistent-dir/x.cxxir", Error));
  EXPECT_EQ(Error, "/nonexistent-dir/x.cxxir: cannot write the IR file");
}

// Damaged files. The header is a text line: tests edit it as text, and build
// payloads with a valid checksum to reach the checks behind it.

struct Split {
  std::vector<std::string> Header; // magic, format, tool, layout, size, sum
  std::string Body;
};

Split split(const std::string &Bytes) {
  Split S;
  size_t EOL = Bytes.find('\n');
  std::istringstream In(Bytes.substr(0, EOL));
  for (std::string W; In >> W;)
    S.Header.push_back(W);
  S.Body = Bytes.substr(EOL + 1);
  return S;
}

std::string join(const Split &S) {
  std::string Out;
  for (const std::string &W : S.Header)
    Out += (Out.empty() ? "" : " ") + W;
  return Out + "\n" + S.Body;
}

/// Re-seals a payload edited on purpose: size and checksum match again.
std::string reseal(Split S) {
  uint64_t H = 1469598103934665603ull;
  for (unsigned char C : S.Body) {
    H ^= C;
    H *= 1099511628211ull;
  }
  char Sum[17];
  std::snprintf(Sum, sizeof(Sum), "%016llx", (unsigned long long)H);
  S.Header[4] = std::to_string(S.Body.size());
  S.Header[5] = Sum;
  return join(S);
}

std::string errorOf(const std::string &Bytes) {
  Graph G;
  std::string Error;
  EXPECT_FALSE(deserializeGraph(Bytes, G, Error));
  EXPECT_EQ(Error.find('\n'), std::string::npos) << Error;
  return Error;
}

/// Edits the decoded payload and re-seals it.
template <class EditFn> std::string edited(const Graph &G, EditFn Edit) {
  Split S = split(serializeGraph(G));
  json J = json::from_cbor(S.Body);
  Edit(J);
  S.Body.clear();
  json::to_cbor(J, S.Body);
  return reseal(S);
}

TEST(SerializeErrorTest, NotAnIRFile) {
  EXPECT_EQ(errorOf(""), "not a cxx-escape IR file");
  EXPECT_EQ(errorOf("int main() {}\n"), "not a cxx-escape IR file");
  EXPECT_EQ(errorOf("cxx-escape-irX 1\n"), "not a cxx-escape IR file");
}

TEST(SerializeErrorTest, OtherVersions) {
  Split S = split(serializeGraph(handBuilt()));
  ASSERT_EQ(S.Header.size(), 6u);
  EXPECT_EQ(S.Header[0], "cxx-escape-ir");
  EXPECT_EQ(S.Header[1], std::to_string(IRFormatVersion));
  EXPECT_EQ(S.Header[2], irToolVersion());
  Split Format = S;
  Format.Header[1] = "999";
  EXPECT_EQ(errorOf(join(Format)),
            "IR format version 999, this cxx-escape reads version " +
                std::to_string(IRFormatVersion) + "; lower the sources again");
  Split Tool = S;
  Tool.Header[2] = "9.9.9";
  EXPECT_EQ(errorOf(join(Tool)), std::string("written by cxx-escape 9.9.9, "
                                             "this is ") +
                                     irToolVersion() +
                                     "; lower the sources again");
  Split Layout = S;
  Layout.Header[3] = "1.2.3";
  EXPECT_NE(errorOf(join(Layout)).find("IR record layout 1.2.3 differs"),
            std::string::npos);
}

TEST(SerializeErrorTest, TruncatedAndDamaged) {
  std::string Bytes = serializeGraph(handBuilt());
  // Every cut, header included, is refused.
  for (size_t Cut = 0; Cut < Bytes.size(); Cut += 7)
    errorOf(Bytes.substr(0, Cut));
  EXPECT_NE(errorOf(Bytes.substr(0, Bytes.size() - 1)).find("truncated"),
            std::string::npos);
  // One bit flipped anywhere in the payload.
  for (size_t I = Bytes.find('\n') + 1; I < Bytes.size(); I += 5) {
    std::string Bad = Bytes;
    Bad[I] ^= 0x10;
    EXPECT_EQ(errorOf(Bad), "checksum mismatch: the file is damaged");
  }
  Split Garbage = split(Bytes);
  Garbage.Body = std::string(Garbage.Body.size(), '\xff');
  EXPECT_EQ(errorOf(reseal(Garbage)), "malformed IR payload");
}

TEST(SerializeErrorTest, WrongShapesAndIds) {
  Graph G = handBuilt();
  // payload = [strings, graph]; graph = [main, files, locations, ...].
  // A uint32_t is stored plus one: 78 is function 77.
  EXPECT_EQ(errorOf(edited(G, [](json &J) { J[1][2][3][2] = "x"; })),
            "malformed IR at locations[3].2: expected an integer");
  EXPECT_EQ(errorOf(edited(G, [](json &J) { J[1][2][3][0] = 99; })),
            "malformed IR at locations[3].0: enumerator 99 out of range");
  EXPECT_EQ(errorOf(edited(G, [](json &J) { J[1][4][0].erase(0); })),
            "malformed IR at functions[0]: expected 17 fields, found 16");
  EXPECT_EQ(errorOf(edited(G, [](json &J) { J[1][2][3][2] = 100000; })),
            "malformed IR at locations[3].2: string 100000 is not in the "
            "table");
  EXPECT_EQ(errorOf(edited(G, [](json &J) { J[1][2][3][4] = 78; })),
            "invalid IR: function 77 is out of range");
  EXPECT_EQ(errorOf(edited(G, [](json &J) { J[1][2][4][10][0][0] = 501; })),
            "invalid IR: location 500 is out of range");
  EXPECT_EQ(errorOf(edited(G, [](json &J) { J[1][6][0][4][0] = 10; })),
            "invalid IR: file 9 is out of range");
  EXPECT_EQ(errorOf(edited(G, [](json &J) { J[1][9].erase(0); })),
            "invalid IR: the fixed entries (file 0, stores 0 and 1, heap, "
            "reads) are missing");
  // A function that is its own ancestor would hang the solver.
  EXPECT_EQ(errorOf(edited(G, [](json &J) { J[1][4][0][1] = 2; })),
            "invalid IR: the parent functions form a cycle");
  EXPECT_EQ(errorOf(edited(G, [](json &J) { J[1][3][0][0] = 3; })),
            "invalid IR: the parent scopes form a cycle");
  EXPECT_EQ(errorOf(edited(G, [](json &J) { J[1] = 5; })),
            "malformed IR at top: expected an array");
}

} // namespace

namespace cxxescape {
namespace {

TEST(LinkFields, AFieldHasOneIdAcrossUnits) {
  // Two units meet the same fields in different orders: after linking, the
  // edges of both name each field by one id.
  Graph A, B;
  uint32_t AOut = A.internField("fc:@S@Ctx@FI@out");
  uint32_t ASpecs = A.internField("fc:@S@Ctx@FI@specs");
  uint32_t BSpecs = B.internField("fc:@S@Ctx@FI@specs");
  uint32_t BOut = B.internField("fc:@S@Ctx@FI@out");
  EXPECT_NE(AOut, BOut); // per-unit ids differ before linking
  Location Var;
  Var.Kind = LocKind::Variable;
  LocId AX = A.addLocation(Var), AY = A.addLocation(Var);
  A.addEdge(AY, AX, 0, 0, NoStore, {}, 0, AOut, ASpecs);
  LocId BX = B.addLocation(Var), BY = B.addLocation(Var);
  B.addEdge(BY, BX, 1, 0, NoStore, {}, 0, BOut, BSpecs, BOut);
  // A summary read off a linked graph names fields by the same ids.
  Function F;
  F.Name = "visit";
  F.Summary.slot(1).add({LeakSink::Result, 0, -1, "", "", {}, BOut});
  F.Summary.slot(2).add({LeakSink::Result, 1, -1, "", "", {}, 0, BSpecs});
  FuncId BF = B.addFunction(F);
  LocId Before = static_cast<LocId>(A.numLocs());
  A.link(B);
  EXPECT_EQ(A.numFields(), 2u);
  ASSERT_EQ(A.numLocs(), Before + 2); // B's heap is A's
  const Edge &Linked = A.loc(Before + 1).In.at(0);
  EXPECT_EQ(Linked.FieldW, AOut);
  EXPECT_EQ(Linked.FieldR, ASpecs);
  EXPECT_EQ(Linked.FieldP, AOut);
  const FunctionSummary &S = A.func(A.numFuncs() - 1).Summary;
  EXPECT_EQ(BF, 0u);
  EXPECT_EQ(S.Slots.at(1).Leaks.at(0).FieldR, AOut);
  EXPECT_EQ(S.Slots.at(2).Leaks.at(0).FieldP, ASpecs);
}

TEST(LinkFields, GlobalsReadAndSinksKeepTheirVariables) {
  // A global is named by its field id: what one unit's function reads and
  // the sink another unit stores into must name it by one id after linking.
  Graph A, B;
  uint32_t ACtx = A.internField("fc:@N@hooks@context");
  uint32_t AOther = A.internField("fc:@other");
  uint32_t BOther = B.internField("fc:@other");
  uint32_t BThird = B.internField("fc:@third");
  uint32_t BCtx = B.internField("fc:@N@hooks@context");
  LocId ASink = A.addSink(SinkKind::Global, NoFunc, "global 'hooks::context'");
  A.loc(ASink).Global = ACtx;
  Function F;
  F.Name = "reader";
  FuncId BF = B.addFunction(F);
  B.func(BF).ReadsGlobals = {BOther, BThird, BCtx}; // sorted in B's ids
  LocId BSink = B.addSink(SinkKind::Global, NoFunc, "global 'hooks::context'");
  B.loc(BSink).Global = BCtx;
  LocId Before = static_cast<LocId>(A.numLocs());
  FuncId FBefore = static_cast<FuncId>(A.numFuncs());
  A.link(B);
  uint32_t AThird = A.internField("fc:@third");
  EXPECT_EQ(A.loc(ASink).Global, ACtx);
  EXPECT_EQ(A.loc(Before + BSink - 1).Global, ACtx); // B's heap is A's
  std::vector<uint32_t> Want{ACtx, AOther, AThird}; // sorted in A's ids
  EXPECT_EQ(A.func(FBefore).ReadsGlobals, Want);
  // And they survive a round trip through a file.
  Graph Back;
  std::string Error;
  ASSERT_TRUE(deserializeGraph(serializeGraph(A), Back, Error)) << Error;
  EXPECT_EQ(Back.func(FBefore).ReadsGlobals, Want);
  EXPECT_EQ(Back.loc(Before + BSink - 1).Global, ACtx);
}

TEST(LinkCalls, LoopCallsAndCallStoresAreRenumbered) {
  // Calls made in loops, the calls before an object dies (plain and in
  // loops) and the store a call stands for name ids of their own unit.
  auto Unit = [](int Calls) {
    Graph G;
    Function F;
    F.Name = "f";
    FuncId Fn = G.addFunction(F);
    StoreId St = NoStore;
    for (int I = 0; I < Calls; ++I) {
      St = G.addStore();
      CallSite C;
      C.Caller = Fn;
      C.After = St;
      G.addCallSite(C);
    }
    G.func(Fn).LoopCalls = {CallId(Calls - 1)};
    if (Calls > 2) // "g" gets another id in the second unit
      G.internField("fc:@pad");
    G.store(St).Conservative = false;
    G.store(St).KilledBy = {
        {NoLoc, {0}, {CallId(Calls - 1)}, {G.internField("fc:@g")}}};
    return G;
  };
  Graph A = Unit(2), B = Unit(3);
  A.link(B);
  ASSERT_EQ(A.numFuncs(), 2u);
  ASSERT_EQ(A.numCalls(), 5u);
  EXPECT_EQ(A.func(1).LoopCalls, std::vector<CallId>{4});
  for (CallId C = 2; C < 5; ++C)
    EXPECT_EQ(A.call(C).After, StoreId(C + 2)); // stores 0 and 1 are fixed
  const Store &Last = A.store(A.call(4).After);
  ASSERT_EQ(Last.KilledBy.size(), 1u);
  EXPECT_EQ(Last.KilledBy[0].Calls, std::vector<CallId>{2});
  EXPECT_EQ(Last.KilledBy[0].LoopCalls, std::vector<CallId>{4});
  EXPECT_EQ(Last.KilledBy[0].Writes,
            std::vector<uint32_t>{A.internField("fc:@g")});
}

} // namespace
} // namespace cxxescape
namespace {

/// A unit with one function of its own and one inline function every unit
/// defines.
Graph unitWith(const std::string &Own) {
  Graph G;
  G.MainFile = "/src/" + Own + ".cpp";
  for (const std::string &Usr : {"c:@F@" + Own, std::string("c:@F@inl")}) {
    Function F;
    F.Name = Usr;
    F.Usr = Usr;
    FuncId Id = G.addFunction(F);
    Location L;
    L.Kind = LocKind::Variable;
    L.Fn = Id;
    L.Name = "x";
    L.Scope = G.addScope(NoScope, Id);
    G.func(Id).BodyScope = L.Scope;
    G.addLocation(L);
  }
  return G;
}

} // namespace

TEST(LinkTest, InlineBodyKeptOnceOverManyLinks) {
  // The index of linked bodies grows with each link: a body brought by the
  // first unit is still known when the fifth arrives.
  Graph P;
  for (const char *Own : {"a", "b", "c", "d", "e"})
    P.link(unitWith(Own));
  EXPECT_EQ(P.numFuncs(), 6u);
  unsigned Inline = 0;
  for (FuncId F = 0; F < P.numFuncs(); ++F)
    Inline += P.func(F).Usr == "c:@F@inl";
  EXPECT_EQ(Inline, 1u);
  // A function added between links (not by link) is indexed too.
  Function Extra;
  Extra.Usr = "c:@F@extra";
  P.addFunction(Extra);
  Graph U = unitWith("f");
  U.func(0).Usr = "c:@F@extra";
  P.link(U);
  EXPECT_EQ(P.numFuncs(), 7u);
}

TEST(LinkTest, UnitsArrivingInAnyOrderLinkInMainFileOrder) {
  // Lowering finishes units in any order; the program must not depend on it:
  // the shared inline body comes from the first unit by main file, and a
  // failed unit is skipped without holding up the ones after it.
  std::vector<std::string> Keys = {"/src/c.cpp", "/src/a.cpp", "/src/b.cpp",
                                   "/src/d.cpp"};
  auto Linked = [&](std::vector<size_t> Arrival) {
    ProgramLinker L(Keys);
    for (size_t I : Arrival)
      L.add(I, I == 3 ? std::nullopt
                      : std::optional<Graph>(unitWith(
                            Keys[I].substr(5, 1))));
    EXPECT_FALSE(L.present(3));
    EXPECT_TRUE(L.present(0));
    EXPECT_FALSE(L.filesOf(0).empty());
    return L.take();
  };
  Graph InOrder = Linked({0, 1, 2, 3});
  Graph Reversed = Linked({3, 2, 1, 0});
  ASSERT_EQ(InOrder.numFuncs(), 4u); // a, b, c and one inline body
  ASSERT_EQ(Reversed.numFuncs(), InOrder.numFuncs());
  for (FuncId F = 0; F < InOrder.numFuncs(); ++F)
    EXPECT_EQ(InOrder.func(F).Usr, Reversed.func(F).Usr);
  // a.cpp links first: its own function, then the inline body it brought.
  EXPECT_EQ(InOrder.func(0).Usr, "c:@F@a");
  EXPECT_EQ(InOrder.func(1).Usr, "c:@F@inl");
  EXPECT_EQ(InOrder.func(2).Usr, "c:@F@b");
}
