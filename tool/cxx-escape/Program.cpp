//===- Program.cpp - One analysis over all translation units -------------===//
//
// The units are linked and analysed once, with every rule on. The settings
// of each file (rules, header filter, exclusions, severities) then decide
// what is shown, as they did when each unit was analysed alone: a finding in
// a unit's main file follows that unit's settings; a finding in a header is
// shown if the settings of any unit that includes it let it through (the
// first such unit, in path order, gives its severity).
//
//===----------------------------------------------------------------------===//

#include "Driver.h"

#include "cxxescape/Rules.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <sys/resource.h>
#include <chrono>
#include <unordered_map>

namespace cxxescape::driver {

namespace {

/// Symlinks resolved, computed once per distinct path.
class RealPaths {
public:
  const std::string &get(const std::string &P) {
    auto [It, New] = Cache.try_emplace(P);
    if (New) {
      llvm::SmallString<256> Out;
      It->second = llvm::sys::fs::real_path(P, Out) ? P : std::string(Out);
    }
    return It->second;
  }

private:
  llvm::StringMap<std::string> Cache;
};

double secondsSince(std::chrono::steady_clock::time_point Start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
      .count();
}

/// How many unknown callees --stats names.
constexpr size_t ShownUnknownCallees = 8;

} // namespace

std::vector<Finding> analyzeUnits(ProgramLinker &Linked,
                                  const std::vector<FileJob> &Jobs,
                                  const EngineOptions &Opts,
                                  std::vector<TUResult> &TUs, ProgramRun &Run) {
  // The units that see each file: its findings are theirs to filter.
  std::unordered_map<std::string, std::vector<size_t>> Seers;
  for (size_t I = 0; I < Linked.size(); ++I)
    for (const std::string &F : Linked.filesOf(I))
      Seers[F].push_back(I);

  // Units were linked as they were lowered (or read): LinkSeconds is only
  // what is left.
  auto Start = std::chrono::steady_clock::now();
  Graph Program = Linked.take();
  Run.LinkSeconds = secondsSince(Start);
  Start = std::chrono::steady_clock::now();
  EngineOptions Everything = Opts;
  // The heap-allocation rules cost a second solve: only when asked for.
  std::vector<std::string> Unasked;
  for (const char *Id : {"escape-heap-to-stack", "escape-leak"})
    if (std::none_of(Jobs.begin(), Jobs.end(), [&](const FileJob &J) {
          return J.Checks.enabled(Id);
        }))
      Unasked.push_back(Id);
  Everything.Checks = CheckFilter::everything(Unasked);
  ProgramResult Result = analyzeProgram(Program, Everything);
  Run.AnalysisSeconds = secondsSince(Start);
  Run.Stats = std::move(Result.Stats);
  Run.Placements = std::move(Result.Placements);

  std::vector<std::optional<llvm::Regex>> HeaderFilters(Jobs.size());
  for (size_t I = 0; I < Jobs.size(); ++I)
    if (!Jobs[I].HeaderFilter.empty())
      HeaderFilters[I].emplace(Jobs[I].HeaderFilter);
  RealPaths Real;
  auto Shows = [&](size_t I, const Finding &F) {
    const FileJob &J = Jobs[I];
    if (!J.Checks.enabled(F.Rule))
      return false;
    bool InMain = Real.get(F.Where.File) == Real.get(J.Key);
    if (!InMain && HeaderFilters[I] && !HeaderFilters[I]->match(F.Where.File))
      return false;
    for (const std::string &G : J.Exclude)
      if (pathGlobMatch(G, F.Where.File))
        return false;
    return true;
  };

  std::vector<Finding> Out;
  for (Finding &F : Result.Findings) {
    auto It = Seers.find(F.Where.File);
    if (It == Seers.end()) {
      // Every position of the program is in some unit's files.
      Out.push_back(std::move(F));
      continue;
    }
    bool Shown = false;
    for (size_t I : It->second) {
      if (!Shows(I, F))
        continue;
      ++TUs[I].Findings;
      if (Shown)
        continue;
      Shown = true;
      Out.push_back(F);
      for (const auto &[Glob, Level] : Jobs[I].Severities)
        if (globMatch(Glob, F.Rule))
          Out.back().Severity = Level;
    }
  }
  sortAndDedupe(Out);
  return Out;
}

void printStats(const std::vector<TUResult> &TUs, const ProgramRun *Run) {
  llvm::raw_ostream &OS = llvm::errs();
  for (const TUResult &T : TUs) {
    // Without a program (--emit-ir) there are no findings to count.
    if (Run)
      OS << llvm::format("cxx-escape: %8.3fs %4zu findings  %s%s\n", T.Seconds,
                         T.Findings, T.File.c_str(),
                         T.Analysed ? "" : " (failed)");
    else
      OS << llvm::format("cxx-escape: %8.3fs %s  %s\n", T.Seconds,
                         T.Analysed ? "lowered" : "failed", T.File.c_str());
  }
  if (!Run) {
    printPeakMemory(OS);
    return;
  }
  const ProgramStats &S = Run->Stats;
  OS << "cxx-escape: program: " << S.Functions << " functions, " << S.Calls
     << " calls: " << S.CallsBySummary << " by summary, " << S.CallsByModel
     << " by model, " << S.CallsUnknown << " unknown\n";
  if (!S.UnknownCallees.empty()) {
    OS << "cxx-escape: unknown callees: ";
    size_t N = std::min(S.UnknownCallees.size(), ShownUnknownCallees);
    for (size_t I = 0; I < N; ++I)
      OS << (I ? ", " : "") << S.UnknownCallees[I];
    if (N < S.UnknownCallees.size())
      OS << " (and " << S.UnknownCallees.size() - N << " more)";
    OS << "\n";
  }
  OS << llvm::format("cxx-escape: %8.3fs link, %.3fs analysis\n",
                     Run->LinkSeconds, Run->AnalysisSeconds);
  printPeakMemory(OS);
}

void printPeakMemory(llvm::raw_ostream &OS) {
  // ru_maxrss is in KiB on Linux. The children are the lowering processes
  // (each one's own peak, not their sum).
  struct rusage Self, Children;
  if (getrusage(RUSAGE_SELF, &Self) || getrusage(RUSAGE_CHILDREN, &Children))
    return;
  OS << llvm::format("cxx-escape: peak memory %.0f MiB",
                     Self.ru_maxrss / 1024.0);
  if (Children.ru_maxrss)
    OS << llvm::format(", %.0f MiB in the largest lowering process",
                       Children.ru_maxrss / 1024.0);
  OS << "\n";
}

int analyzeAndReport(ProgramLinker &Linked,
                     const std::vector<FileJob> &Jobs,
                     const EngineOptions &Engine, bool InputError,
                     RunContext &Ctx) {
  ProgramRun Run;
  std::vector<Finding> Findings =
      analyzeUnits(Linked, Jobs, Engine, Ctx.TUs, Run);
  if (statsRequested())
    printStats(Ctx.TUs, &Run);
  Ctx.SourceRoot = sourceRoot();
  Ctx.InputError = InputError;
  Ctx.Quiet = quiet();
  Ctx.Placements = std::move(Run.Placements);
  return report(Findings, Ctx);
}

int report(std::vector<Finding> &Findings, RunContext &Ctx) {
  if (!applyFilters(Findings, Ctx) || !emitOutputs(Findings, Ctx) ||
      !applyOrExportFixes(Findings, Ctx))
    return ExitInput;
  if (Ctx.InputError)
    return ExitInput;
  for (const TUResult &T : Ctx.TUs)
    if (!T.Analysed)
      return ExitCompile;
  return Findings.empty() ? ExitClean : ExitFindings;
}

} // namespace cxxescape::driver
