//===- GoOutput.cpp - Go mode: -m, -m=2, --mode=go ------------------------===//
//
// Go mode prints, like `go build -gcflags=-m`, where each value would be
// heap-managed under Go's rules. It replaces the bug-mode reports: no rules,
// no filters, no formats, exit status 0 unless an input failed.
//
//===----------------------------------------------------------------------===//

#include "Driver.h"

#include "cxxescape/GoMode.h"
#include "cxxescape/GoReporter.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <iostream>

namespace cl = llvm::cl;

namespace cxxescape::driver {

namespace {

cl::opt<std::string> GoLevel(
    "m", cl::ValueOptional,
    cl::desc("Go mode: print Go's escape verdicts (`moved to heap: x`,\n"
             "`leaking param: p`, ...) like `go build -gcflags=-m`;\n"
             "-m=2 adds the flow that explains each one"),
    cl::value_desc("1|2"), cl::cat(ToolCategory), cl::sub(withLink()));
cl::opt<std::string>
    Mode("mode",
         cl::desc("bug (the default): dangling-pointer findings; go: Go's\n"
                  "verdicts, the same as -m"),
         cl::value_desc("bug|go"), cl::cat(ToolCategory), cl::sub(withLink()));

int Level = 0;

/// "./x.cpp" for a file under the current directory, as Go names files of
/// the package it builds; other paths as they are.
std::string goPath(const std::string &File) {
  llvm::SmallString<256> Cwd;
  if (llvm::sys::fs::current_path(Cwd))
    return File;
  llvm::StringRef F(File);
  std::string Prefix = std::string(Cwd) + "/";
  if (F.starts_with(Prefix))
    return "./" + F.drop_front(Prefix.size()).str();
  return File;
}

} // namespace

bool parseGoMode() {
  if (Mode.getNumOccurrences() && Mode != "go" && Mode != "bug") {
    error("invalid value '" + Mode + "' for --mode (expected bug or go)");
    return false;
  }
  if (GoLevel.getNumOccurrences()) {
    if (GoLevel.empty() || GoLevel == "1") {
      Level = 1;
    } else if (GoLevel == "2") {
      Level = 2;
    } else {
      error("invalid value '" + GoLevel + "' for -m (expected -m or -m=2)");
      return false;
    }
    if (Mode == "bug") {
      error("-m is Go mode; it cannot be combined with --mode=bug");
      return false;
    }
  } else if (Mode == "go") {
    Level = 1;
  }
  return true;
}

int goModeLevel() { return Level; }

int analyzeAndReportGo(ProgramLinker &Linked, const EngineOptions &Engine,
                       bool InputError, RunContext &Ctx) {
  Graph Program = Linked.take();
  GoModeOptions Opts;
  Opts.Level = Level;
  Opts.Models = Engine.Models;
  Opts.DisplayPath = goPath;
  Opts.MaxStackAlloc = Engine.MaxStackAlloc;
  std::vector<GoVerdict> Verdicts = analyzeProgramGo(Program, Opts);
  GoReporter(std::cout, goPath).report(Verdicts);
  if (InputError)
    return ExitInput;
  for (const TUResult &T : Ctx.TUs)
    if (!T.Analysed)
      return ExitCompile;
  return ExitClean;
}

} // namespace cxxescape::driver
