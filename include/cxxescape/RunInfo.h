//===- RunInfo.h - What machine-readable reports say about a run -*- C++ -*-===//
//
// Plain values, filled by the driver: reporters see these and Finding values,
// never the AST.
//
//===----------------------------------------------------------------------===//
#ifndef CXXESCAPE_RUNINFO_H
#define CXXESCAPE_RUNINFO_H

#include <cstddef>
#include <string>
#include <vector>

namespace cxxescape {

/// One translation unit of the run.
struct AnalysedFile {
  std::string Path; // absolute
  bool Analysed = false; // false: it failed to compile
  double Seconds = 0;
  size_t Findings = 0; // what its analysis produced, before de-duplication
};

struct RunInfo {
  std::string ToolName = "cxx-escape";
  std::string Version;
  /// Absolute, without a trailing '/'. Paths below it are reported relative.
  std::string SourceRoot;
  std::vector<std::string> CommandLine; // argv, argv[0] included
  std::vector<AnalysedFile> Files;
  /// The exit status the run ends with (0 clean, 1 findings, 3 a file failed
  /// to compile).
  int ExitCode = 0;
};

} // namespace cxxescape

#endif
