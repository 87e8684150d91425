//===- Driver.h - Shared pieces of the cxx-escape driver --------*- C++ -*-===//
//
// main.cpp parses the command line and finds the compilation database;
// Analyze.cpp runs the engine over the translation units; Filters.cpp drops
// suppressed, baselined and unchanged-line findings; Outputs.cpp writes the
// formats. Each file owns its own command-line options.
//
//===----------------------------------------------------------------------===//
#ifndef CXXESCAPE_TOOL_DRIVER_H
#define CXXESCAPE_TOOL_DRIVER_H

#include "cxxescape/Engine.h"
#include "cxxescape/Finding.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/CommandLine.h"

#include <string>
#include <vector>

namespace cxxescape::driver {

extern llvm::cl::OptionCategory ToolCategory;

enum ExitCode {
  ExitClean = 0,
  ExitFindings = 1,
  ExitInput = 2,
  ExitCompile = 3
};

/// Prints `cxx-escape: error: <Msg>` on stderr.
void error(const std::string &Msg);

/// What happened to one translation unit.
struct TUResult {
  std::string File;
  bool Analysed = false;
  double Seconds = 0;
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
};

struct AnalyzeOptions {
  unsigned Jobs = 0; // 0: all cores
  bool Progress = false;
};

/// One translation unit and the settings that apply to it (its nearest
/// configuration file, overridden by the command line).
struct FileJob {
  std::string File;
  EngineOptions Engine;
  std::string HeaderFilter; // regex; empty: every non-system header
  std::vector<std::string> Exclude; // globs: findings in such files are dropped
  /// Rule glob to severity ("warning", "error", "note"); last match wins.
  std::vector<std::pair<std::string, std::string>> Severities;
};

/// Runs the engine on every file, Jobs at a time. Findings come back sorted
/// and without duplicates whatever the number of jobs.
std::vector<TUResult> analyzeFiles(clang::tooling::CompilationDatabase &DB,
                                   const std::vector<FileJob> &Files,
                                   const AnalyzeOptions &Opts,
                                   std::vector<Finding> &Findings);

/// Drops suppressed, baselined and out-of-diff findings (Filters.cpp).
/// Returns false after printing an error if a filter's input is broken.
bool applyFilters(std::vector<Finding> &Findings, RunContext &Ctx);

/// Checks the output options before any work is done (Outputs.cpp).
/// Returns false after printing an error.
bool validateOutputOptions();

/// Writes every requested format (Outputs.cpp). Returns false after printing
/// an error if an output cannot be written.
bool emitOutputs(const std::vector<Finding> &Findings, const RunContext &Ctx);

/// True if Path matches the shell-style glob (`*` any run, `?` one char;
/// a glob without '/' also matches the file name alone).
bool pathGlobMatch(const std::string &Glob, const std::string &Path);

} // namespace cxxescape::driver

#endif
