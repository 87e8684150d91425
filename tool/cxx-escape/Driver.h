//===- Driver.h - Shared pieces of the cxx-escape driver --------*- C++ -*-===//
//
// main.cpp parses the command line and finds the compilation database;
// Analyze.cpp lowers the translation units in parallel (and writes IR files
// with --emit-ir); Link.cpp is `cxx-escape link`, which reads IR files
// instead; Program.cpp links the units and analyses them once; Settings.cpp
// turns configuration files and options into per-file and program-wide
// settings; Filters.cpp drops suppressed, baselined and unchanged-line
// findings; Outputs.cpp writes the formats. Each file owns its own
// command-line options.
//
//===----------------------------------------------------------------------===//
#ifndef CXXESCAPE_TOOL_DRIVER_H
#define CXXESCAPE_TOOL_DRIVER_H

#include "Config.h"

#include "cxxescape/Engine.h"
#include "cxxescape/Finding.h"
#include "cxxescape/Placement.h"
#include "cxxescape/ProgramLinker.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/CommandLine.h"

#include <optional>
#include <string>
#include <vector>

namespace cxxescape::driver {

extern llvm::cl::OptionCategory ToolCategory;

/// `cxx-escape link ...`: its options are those of the analysis that make
/// sense without sources (outputs, filters, rules, models).
llvm::cl::SubCommand &linkCommand();
/// cl::sub(withLink()) puts an option in the plain command line and in link.
llvm::cl::SubCommandGroup &withLink();

enum ExitCode {
  ExitClean = 0,
  ExitFindings = 1,
  ExitInput = 2, // also: a malformed model file or IR file
  ExitCompile = 3
};

/// Prints `cxx-escape: error: <Msg>` on stderr.
void error(const std::string &Msg);
/// Prints `cxx-escape: warning: <Msg>` on stderr.
void warning(const std::string &Msg);
/// The first line of a message from llvm::cl or Clang, without the program
/// name it may start with.
std::string firstLine(std::string S);

/// What happened to one translation unit.
struct TUResult {
  std::string File;
  bool Analysed = false;
  /// Lowering (parse included), or reading its IR file in a link.
  double Seconds = 0;
  /// Findings in files this unit sees that its settings let through.
  size_t Findings = 0;
};

/// Everything the filters and the reporters may need about the run.
struct RunContext {
  std::string Version;
  /// Paths in machine-readable outputs are relative to this directory.
  std::string SourceRoot;
  std::vector<std::string> CommandLine;
  std::vector<TUResult> TUs;
  /// Some input could not be read (the run exits with 2).
  bool InputError = false;
  /// --quiet: no progress and no summaries on stderr.
  bool Quiet = false;
  /// Stack or heap for every named local (the HTML report's listing).
  std::vector<LocalPlacement> Placements;
};

/// One translation unit and the settings that apply to it (its nearest
/// configuration file, overridden by the command line).
struct FileJob {
  std::string File;
  /// Absolute, without `.` and `..`: the unit's identity, sort key and the
  /// main file recorded in its IR.
  std::string Key;
  CheckFilter Checks{"escape-*"};
  std::string HeaderFilter;         // regex; empty: every non-system header
  std::vector<std::string> Exclude; // globs: findings in such files are dropped
  /// Rule glob to severity ("warning", "error", "note"); last match wins.
  std::vector<std::pair<std::string, std::string>> Severities;
};

// Settings.cpp: options shared by the analysis and link.

/// The nearest configuration above Path with the command line applied.
std::optional<Config> effectiveConfig(ConfigFinder &Finder,
                                      const std::string &Path,
                                      std::string &Error);
/// The per-file settings of Config for File. Prints an error and returns
/// false for an invalid header filter.
bool makeFileJob(const Config &C, const std::string &File, FileJob &Job);
/// True if Config's exclude globs match File (it is then not analysed).
bool excluded(const Config &C, const std::string &File);
/// Program-wide engine options (models, unknown calls) from the
/// configuration of the first file or the current directory. Prints an
/// error and returns false for a bad value or a malformed model file.
bool programOptions(const Config &Top, EngineOptions &Opts);
/// Absolute, normalized, as the outputs and the IR spell paths.
std::string absolutePath(const std::string &Path);
/// --source-root, absolute.
std::string sourceRoot();
/// -j: 0 means all cores.
unsigned jobs();
/// Runs Work(I) for every I below Count: in order on this thread with one
/// job (or one item), else on a pool of Jobs threads (0: all cores).
void forEachInThreads(size_t Count, unsigned Jobs,
                      llvm::function_ref<void(size_t)> Work);
bool quiet();
/// --stats, in either command.
bool statsRequested();
/// Warns about rule globs of Top (or --checks) that match no rule.
void warnUnmatchedChecks(const Config &Top);

// Analyze.cpp.

struct AnalyzeOptions {
  unsigned Jobs = 0; // 0: all cores
  bool Progress = false;
  /// --emit-ir: write each graph there instead of keeping it.
  std::string EmitDir;
  /// What lowering keeps (Go mode's -m=2 quotes the source in its notes).
  LowerOptions Lower;
  /// Lower each file in a child process of its own (WorkerPool.h); off:
  /// in threads of this process.
  bool WorkerProcesses = true;
};

/// Lowers every file, Jobs at a time, handing file i's graph (nothing when
/// it failed to compile) to Linker as unit i as soon as it is done; with
/// EmitDir the graphs are written there instead and Linker may be null. The
/// compiler's messages of each file are printed whole, in file order.
/// WriteError is set if an IR file could not be written (the error is
/// printed).
std::vector<TUResult> lowerFiles(clang::tooling::CompilationDatabase &DB,
                                 const std::vector<FileJob> &Files,
                                 const AnalyzeOptions &Opts,
                                 ProgramLinker *Linker, bool &WriteError);

/// The IR file name of a unit: `<file name>-<hash of Key>.cxxir`.
std::string irFileName(const std::string &Key);

// Program.cpp.

struct ProgramRun {
  ProgramStats Stats;
  std::vector<LocalPlacement> Placements;
  double LinkSeconds = 0;
  double AnalysisSeconds = 0;
};

/// Takes the linked program (unit i of Linked belongs to Jobs[i]), analyses
/// it once and keeps each finding that the settings of a unit seeing its
/// file let through, counting it for that unit in TUs (parallel to Jobs).
/// Findings come back sorted and without duplicates.
std::vector<Finding> analyzeUnits(ProgramLinker &Linked,
                                  const std::vector<FileJob> &Jobs,
                                  const EngineOptions &Opts,
                                  std::vector<TUResult> &TUs, ProgramRun &Run);

/// --stats: one line per unit, then the program's calls and times. Without
/// Run (--emit-ir), the units' lowering times only.
void printStats(const std::vector<TUResult> &TUs, const ProgramRun *Run);
/// The peak resident memory of this process and of the largest lowering
/// process, one line.
void printPeakMemory(llvm::raw_ostream &OS);

// Link.cpp.

/// `cxx-escape link DIR_OR_FILE... [options]`.
int runLink(int Argc, const char **Argv, RunContext &Ctx);

// Filters.cpp and Outputs.cpp.

/// Drops suppressed, baselined and out-of-diff findings (Filters.cpp).
/// Returns false after printing an error if a filter's input is broken.
bool applyFilters(std::vector<Finding> &Findings, RunContext &Ctx);

/// Checks the output options before any work is done (Outputs.cpp).
/// Returns false after printing an error.
bool validateOutputOptions();

/// Whether the HTML report is asked for (it shows Go mode's placements).
bool htmlRequested();

/// Writes every requested format (Outputs.cpp). Returns false after printing
/// an error if an output cannot be written.
bool emitOutputs(const std::vector<Finding> &Findings, const RunContext &Ctx);

// ApplyFixes.cpp.

/// Checks --export-fixes before any work is done. Returns false after
/// printing an error.
bool validateFixOptions();

/// --fix and --export-fixes over the reported findings. Returns false after
/// printing an error if a file cannot be read or written.
bool applyOrExportFixes(const std::vector<Finding> &Findings,
                        const RunContext &Ctx);

/// Filters, outputs and the exit status of a run whose units are in Ctx.
int report(std::vector<Finding> &Findings, RunContext &Ctx);

/// The end of a plain run and of `link`: analyse the units' graphs as one
/// program, print --stats, then report.
int analyzeAndReport(ProgramLinker &Linked,
                     const std::vector<FileJob> &Jobs,
                     const EngineOptions &Engine, bool InputError,
                     RunContext &Ctx);

// GoOutput.cpp: Go mode.

/// Reads -m, -m=2 and --mode. Prints an error and returns false for a bad
/// value.
bool parseGoMode();
/// 0 for bug mode, 1 for -m, 2 for -m=2.
int goModeLevel();
/// Links the units, solves them under Go's rules and prints Go's verdicts
/// on stdout. Exit status 0 unless an input failed.
int analyzeAndReportGo(ProgramLinker &Linked,
                       const EngineOptions &Engine, bool InputError,
                       RunContext &Ctx);

/// True if Path matches the shell-style glob (`*` any run, `?` one char;
/// a glob without '/' also matches the file name alone).
bool pathGlobMatch(const std::string &Glob, const std::string &Path);

} // namespace cxxescape::driver

#endif
