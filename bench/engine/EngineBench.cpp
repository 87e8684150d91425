//===- EngineBench.cpp - How the solver and the linker scale -------------===//
//
// Google Benchmark cases on synthetic graphs of 10^3 to 10^6 locations, built
// directly with the Graph API. Each shape comes twice where it matters: as
// one huge function (the worst case of Go's walkAll, which walks from every
// location) and as a program of many small functions of the same shape (what
// real code looks like: a function's locations are reached only from its own
// and its callers' roots).
//
//   Solver/*   markBugModeSinks + store resolution + walkAll + witnesses
//   Link/*     linkProgram over translation units of 1000 locations each,
//              every unit also bringing a copy of shared inline functions
//   Calls/*    summaries bottom-up over a call chain (solveCallsBugMode)
//
// bench/engine/run.sh builds and runs them; the counters report locations
// per second, and Google Benchmark's BigO fit gives the growth.
//
//===----------------------------------------------------------------------===//

#include "cxxescape/BugMode.h"
#include "cxxescape/Engine.h"
#include "cxxescape/Graph.h"
#include "cxxescape/Interprocedural.h"
#include "cxxescape/Models.h"
#include "cxxescape/Solver.h"

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

using namespace cxxescape;

namespace {

/// A small helper over the Graph API (the tests' GraphBuilder, without the
/// test dependency).
struct Builder {
  Graph &G;

  FuncId func(const std::string &Name, const std::string &Usr = "") {
    Function F;
    F.Name = Name;
    F.Usr = Usr;
    FuncId Id = G.addFunction(F);
    G.func(Id).BodyScope = G.addScope(NoScope, Id);
    return Id;
  }
  LocId make(LocKind K, FuncId F, const std::string &Name,
             ScopeId S = NoScope) {
    Location L;
    L.Kind = K;
    L.Fn = F;
    L.Name = Name;
    L.Scope = S == NoScope ? G.func(F).BodyScope : S;
    if (K == LocKind::Variable || K == LocKind::Result)
      L.Attrs |= AttrPersists;
    return G.addLocation(L);
  }
  LocId local(FuncId F, const std::string &Name, ScopeId S = NoScope) {
    return make(LocKind::Variable, F, Name, S);
  }
  LocId param(FuncId F, const std::string &Name) {
    LocId P = make(LocKind::Param, F, Name);
    G.func(F).Params.push_back(P);
    return P;
  }
  LocId result(FuncId F) {
    LocId R = make(LocKind::Result, F, "~r0");
    G.loc(R).ResultIndex = 1;
    G.func(F).Result = R;
    return R;
  }
  LocId global(const std::string &Name) {
    LocId L = G.addSink(SinkKind::Global, NoFunc, Name);
    G.loc(L).Attrs |= AttrEscapes | AttrPersists;
    return L;
  }
  void assign(LocId Dst, LocId Src, int Derefs) {
    G.addEdge(Dst, Src, Derefs, 0, NoStore, {Note{{}, "assign", ""}});
  }
};

/// `x; p1 = &x; p2 = p1; ...; pL = pL-1; ~r0 = pL` in a function. The last
/// copy goes to the result, so x escapes through a path of L steps.
void chain(Builder &B, FuncId F, int Len) {
  LocId X = B.local(F, "x");
  LocId Prev = B.local(F, "p0");
  B.assign(Prev, X, -1);
  for (int I = 1; I < Len; ++I) {
    LocId P = B.local(F, "p");
    B.assign(P, Prev, 0);
    Prev = P;
  }
  B.assign(B.result(F), Prev, 0);
}

/// `q = &x1; q = &x2; ...; g = q`: many objects into one holder.
void fanIn(Builder &B, FuncId F, int Len, LocId Global) {
  LocId Q = B.local(F, "q");
  for (int I = 1; I < Len; ++I)
    B.assign(Q, B.local(F, "x"), -1);
  B.assign(Global, Q, 0);
}

/// `p1 = &x; p2 = &p1; p3 = *p2; p4 = &p3; ...`: address-of and loads
/// alternate, every store through a pointer (`*pi = &y`) must be resolved.
void deepDerefs(Builder &B, FuncId F, int Len) {
  LocId Prev = B.local(F, "x");
  for (int I = 1; I < Len; ++I) {
    LocId P = B.local(F, "p");
    B.assign(P, Prev, (I % 2) ? -1 : 1);
    if (I % 8 == 0) {
      // *P = &y: an Indirect location that remembers P.
      Location Ind;
      Ind.Kind = LocKind::Indirect;
      Ind.Fn = F;
      Ind.Name = "*p";
      Ind.Scope = B.G.func(F).BodyScope;
      Ind.PtrOf = P;
      LocId L = B.G.addLocation(Ind);
      B.assign(L, B.local(F, "y"), -1);
    }
    Prev = P;
  }
  B.assign(B.result(F), Prev, 0);
}

/// `p1 = p2; p2 = p3; ...; pL = p1` plus `p1 = &x` and `~r0 = p1`: one
/// strongly connected component of copies.
void scc(Builder &B, FuncId F, int Len) {
  std::vector<LocId> Ps;
  for (int I = 0; I < Len; ++I)
    Ps.push_back(B.local(F, "p"));
  for (int I = 0; I < Len; ++I)
    B.assign(Ps[I], Ps[(I + 1) % Len], 0);
  B.assign(Ps[0], B.local(F, "x"), -1);
  B.assign(B.result(F), Ps[Len / 2], 0);
}

enum Shape { Chain, FanIn, Deep, Scc };

/// N locations of one shape, in functions of PerFunc locations each.
void build(Graph &G, Shape S, int64_t N, int64_t PerFunc) {
  Builder B{G};
  LocId Global = B.global("g");
  int64_t Funcs = std::max<int64_t>(1, N / PerFunc);
  int Len = static_cast<int>(std::min(N, PerFunc));
  for (int64_t I = 0; I < Funcs; ++I) {
    FuncId F = B.func("f");
    switch (S) {
    case Chain:
      chain(B, F, Len);
      break;
    case FanIn:
      fanIn(B, F, Len, Global);
      break;
    case Deep:
      deepDerefs(B, F, Len);
      break;
    case Scc:
      scc(B, F, Len);
      break;
    }
  }
}

void runSolver(benchmark::State &State, Shape S, int64_t PerFunc) {
  int64_t N = State.range(0);
  size_t Witnesses = 0;
  size_t Locs = 0;
  for (auto _ : State) {
    State.PauseTiming();
    Graph G;
    build(G, S, N, PerFunc == 0 ? N : PerFunc);
    Locs = G.numLocs();
    State.ResumeTiming();
    prepareBugMode(G);
    Solver Sv(G, Lifetimes::CxxScopes);
    Sv.walkAll();
    Witnesses = findDanglingWitnesses(G, Sv).size();
    benchmark::DoNotOptimize(Witnesses);
  }
  State.counters["locations"] = static_cast<double>(Locs);
  State.counters["witnesses"] = static_cast<double>(Witnesses);
  State.counters["locs/s"] = benchmark::Counter(
      static_cast<double>(Locs) * State.iterations(),
      benchmark::Counter::kIsRate);
  State.SetComplexityN(N);
}

// One function of N locations: Go's walkAll walks from every location, so a
// single chain or cycle of N copies costs N^2/2 steps. Kept to 16000
// locations (10^5 takes minutes, 10^6 hours).
void BM_Solver_OneFunction_Chain(benchmark::State &S) { runSolver(S, Chain, 0); }
void BM_Solver_OneFunction_FanIn(benchmark::State &S) { runSolver(S, FanIn, 0); }
void BM_Solver_OneFunction_Deep(benchmark::State &S) { runSolver(S, Deep, 0); }
void BM_Solver_OneFunction_Scc(benchmark::State &S) { runSolver(S, Scc, 0); }
// A program of functions of 100 locations each, 10^3 to 10^6 in all.
void BM_Solver_Program_Chain(benchmark::State &S) { runSolver(S, Chain, 100); }
void BM_Solver_Program_FanIn(benchmark::State &S) { runSolver(S, FanIn, 100); }
void BM_Solver_Program_Deep(benchmark::State &S) { runSolver(S, Deep, 100); }
void BM_Solver_Program_Scc(benchmark::State &S) { runSolver(S, Scc, 100); }

#define ONE_FUNCTION(Name)                                                     \
  BENCHMARK(Name)                                                              \
      ->RangeMultiplier(2)                                                     \
      ->Range(1000, 16000)                                                     \
      ->Unit(benchmark::kMillisecond)                                          \
      ->Iterations(1)                                                          \
      ->Complexity()
#define PROGRAM(Name)                                                          \
  BENCHMARK(Name)                                                              \
      ->RangeMultiplier(10)                                                    \
      ->Range(1000, 1000000)                                                   \
      ->Unit(benchmark::kMillisecond)                                          \
      ->Iterations(1)                                                          \
      ->Complexity()

ONE_FUNCTION(BM_Solver_OneFunction_Chain);
ONE_FUNCTION(BM_Solver_OneFunction_FanIn);
ONE_FUNCTION(BM_Solver_OneFunction_Deep);
ONE_FUNCTION(BM_Solver_OneFunction_Scc);
PROGRAM(BM_Solver_Program_Chain);
PROGRAM(BM_Solver_Program_FanIn);
PROGRAM(BM_Solver_Program_Deep);
PROGRAM(BM_Solver_Program_Scc);

/// Translation units of 1000 locations: 8 functions of their own (chains)
/// and 2 inline functions every unit defines (dropped after the first).
Graph unitGraph(int64_t Index) {
  Graph G;
  Builder B{G};
  G.MainFile = "unit" + std::to_string(Index) + ".cpp";
  G.internFile(G.MainFile);
  for (int F = 0; F < 8; ++F)
    chain(B, B.func("f", "c:@F@f" + std::to_string(Index) + "_" +
                             std::to_string(F)),
          100);
  for (int F = 0; F < 2; ++F)
    chain(B, B.func("inl", "c:@F@inline" + std::to_string(F)), 100);
  return G;
}

void BM_Link(benchmark::State &State) {
  int64_t Units = State.range(0) / 1000;
  size_t Locs = 0;
  for (auto _ : State) {
    State.PauseTiming();
    std::vector<Graph> Gs;
    for (int64_t I = 0; I < Units; ++I)
      Gs.push_back(unitGraph(I));
    State.ResumeTiming();
    Graph P = linkProgram(std::move(Gs));
    Locs = P.numLocs();
    benchmark::DoNotOptimize(Locs);
  }
  State.counters["units"] = static_cast<double>(Units);
  State.counters["linked locations"] = static_cast<double>(Locs);
  State.SetComplexityN(State.range(0));
}
BENCHMARK(BM_Link)
    ->RangeMultiplier(10)
    ->Range(1000, 1000000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->Complexity();

/// f0 calls f1 calls f2 ...: each returns what its callee returns of its
/// parameter (`int *f(int *p) { return g(p); }`), the last returns p. Every
/// function has 10 locations (parameter, result, slot and result temps,
/// padding locals).
void BM_Calls_Chain(benchmark::State &State) {
  int64_t N = State.range(0);
  int64_t Funcs = N / 10;
  unsigned BySummary = 0;
  for (auto _ : State) {
    State.PauseTiming();
    Graph G;
    Builder B{G};
    std::vector<FuncId> Fs;
    for (int64_t I = 0; I < Funcs; ++I)
      Fs.push_back(B.func("f", "c:@F@f" + std::to_string(I)));
    for (int64_t I = 0; I < Funcs; ++I) {
      FuncId F = Fs[I];
      LocId P = B.param(F, "p");
      LocId R = B.result(F);
      for (int K = 0; K < 6; ++K)
        B.assign(B.local(F, "pad"), P, 0);
      if (I + 1 == Funcs) {
        B.assign(R, P, 0);
        B.make(LocKind::Temp, F, "unused");
        B.make(LocKind::Temp, F, "unused");
        continue;
      }
      LocId Arg = B.make(LocKind::Temp, F, "arg");
      LocId Out = B.make(LocKind::Temp, F, "call");
      B.assign(Arg, P, 0);
      B.assign(R, Out, 0);
      CallSite C;
      C.Caller = F;
      C.Callee = "c:@F@f" + std::to_string(I + 1);
      C.Display = "f";
      C.Slots = {NoLoc, Arg};
      C.SlotNames = {"", "p"};
      C.SlotTexts = {"", "p"};
      C.SlotStores = {NoStore, NoStore};
      C.NoEscape = {0, 0};
      C.Result = Out;
      G.addCallSite(C);
    }
    State.ResumeTiming();
    ProgramStats Stats;
    static const ModelSet NoModels;
    solveCallsBugMode(G, NoModels, UnknownCalls::Ignore, Stats);
    Solver Sv(G, Lifetimes::CxxScopes);
    Sv.walkAll();
    benchmark::DoNotOptimize(findDanglingWitnesses(G, Sv).size());
    BySummary = Stats.CallsBySummary;
  }
  State.counters["calls by summary"] = BySummary;
  State.SetComplexityN(N);
}
BENCHMARK(BM_Calls_Chain)
    ->RangeMultiplier(10)
    ->Range(1000, 1000000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->Complexity();

} // namespace

BENCHMARK_MAIN();
