//===- main.cpp - The cxx-escape command-line driver ----------------------===//
//
// cxx-escape [options] [files...] [-- compiler args]
// cxx-escape link DIR_OR_FILE... [options]        (Link.cpp)
//
// Exit codes: 0 no findings, 1 findings, 2 usage or input error (missing or
// malformed compilation database, unreadable file, malformed model or IR
// file), 3 a file failed to compile (findings of the files that did parse
// are still printed).
//
//===----------------------------------------------------------------------===//

#include "Config.h"
#include "Driver.h"

#include "cxxescape/Rules.h"

#include "clang/Tooling/CommonOptionsParser.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <fcntl.h>
#include <optional>
#include <unistd.h>

#ifndef CXX_ESCAPE_VERSION
#define CXX_ESCAPE_VERSION "0.0.0"
#endif

using namespace clang::tooling;
namespace cl = llvm::cl;
using namespace cxxescape;
using namespace cxxescape::driver;

namespace {

cl::opt<bool> ListChecks("list-checks",
                         cl::desc("List the enabled rules and exit"),
                         cl::cat(ToolCategory));
cl::opt<bool> DumpConfig(
    "dump-config",
    cl::desc("Print the configuration in effect for the first file (or the\n"
             "current directory) after the command line, and exit"),
    cl::cat(ToolCategory));
cl::opt<std::string> EmitIR(
    "emit-ir",
    cl::desc("Lower each translation unit and write its IR into this\n"
             "directory for `cxx-escape link`, instead of analysing and\n"
             "reporting"),
    cl::value_desc("dir"), cl::cat(ToolCategory));
cl::opt<bool> LowerInProcess(
    "lower-in-process",
    cl::desc("Lower the translation units in threads of this process\n"
             "instead of a child process each (for a debugger; uses\n"
             "more memory)"),
    cl::cat(ToolCategory));
cl::opt<std::string> Shard(
    "shard",
    cl::desc("Take only the K-th of every N translation units (1-based, in\n"
             "path order): N jobs with --shard 1/N ... N/N cover them all"),
    cl::value_desc("K/N"), cl::cat(ToolCategory));

/// Parses --shard; K = 0 when absent.
bool parseShard(unsigned &K, unsigned &N) {
  K = N = 0;
  if (!Shard.getNumOccurrences())
    return true;
  llvm::StringRef Left, Right;
  std::tie(Left, Right) = llvm::StringRef(Shard).split('/');
  if (Left.getAsInteger(10, K) || Right.getAsInteger(10, N) || K == 0 ||
      K > N) {
    error("invalid value '" + Shard + "' for --shard (expected K/N with " +
          "1 <= K <= N)");
    return false;
  }
  return true;
}

/// LLVM prints a fallback notice when it cannot find a database; this tool
/// reports that itself, as an error.
class StderrSilencer {
public:
  StderrSilencer() {
    llvm::errs().flush();
    Saved = dup(2);
    int Null = open("/dev/null", O_WRONLY);
    if (Null >= 0) {
      dup2(Null, 2);
      close(Null);
    }
  }
  ~StderrSilencer() {
    llvm::errs().flush();
    if (Saved >= 0) {
      dup2(Saved, 2);
      close(Saved);
    }
  }

private:
  int Saved = -1;
};

template <typename T> T *registeredOption(const char *Name) {
  auto &Opts = cl::getRegisteredOptions();
  auto It = Opts.find(Name);
  return It == Opts.end() ? nullptr : static_cast<T *>(It->second);
}

/// The compilation database: fixed flags after `--`, else -p, else the
/// nearest compile_commands.json above the first file or the current
/// directory. A missing or broken database is an error, never "no flags".
CompilationDatabase *loadDatabase(CommonOptionsParser &Parser,
                                  bool HasFixedArgs,
                                  std::unique_ptr<CompilationDatabase> &Own) {
  if (HasFixedArgs)
    return &Parser.getCompilations();
  std::string Err;
  auto *BuildPath = registeredOption<cl::opt<std::string>>("p");
  const std::vector<std::string> &Sources = Parser.getSourcePathList();
  std::string Where;
  if (BuildPath && !BuildPath->getValue().empty()) {
    Where = BuildPath->getValue();
    if (!llvm::sys::fs::is_directory(Where) &&
        llvm::sys::path::filename(Where) == "compile_commands.json")
      Where = std::string(llvm::sys::path::parent_path(Where));
    if (!llvm::sys::fs::exists(Where)) {
      error("build directory '" + Where + "' does not exist");
      return nullptr;
    }
    Own = CompilationDatabase::loadFromDirectory(Where, Err);
  } else if (!Sources.empty()) {
    Where = Sources.front();
    Own = CompilationDatabase::autoDetectFromSource(Where, Err);
  } else {
    llvm::SmallString<256> Cwd;
    llvm::sys::fs::current_path(Cwd);
    Where = std::string(Cwd);
    Own = CompilationDatabase::autoDetectFromDirectory(Where, Err);
  }
  if (!Own) {
    std::string Reason = firstLine(Err);
    if (Reason.empty() ||
        Reason.find("Could not auto-detect") != std::string::npos)
      Reason = "no compile_commands.json found";
    error("cannot load a compilation database for '" + Where + "': " + Reason +
          " (use -p <build dir>, or '-- <compiler flags>')");
    return nullptr;
  }
  return Own.get();
}

} // namespace

int main(int argc, const char **argv) {
  cl::SetVersionPrinter([](llvm::raw_ostream &OS) {
    OS << "cxx-escape version " << CXX_ESCAPE_VERSION << " (LLVM "
       << LLVM_VERSION_STRING << ")\n";
  });
  RunContext Ctx;
  Ctx.Version = CXX_ESCAPE_VERSION;
  bool HasFixedArgs = false;
  for (int I = 0; I < argc; ++I) {
    Ctx.CommandLine.push_back(argv[I]);
    if (llvm::StringRef(argv[I]) == "--")
      HasFixedArgs = true;
  }
  // A source file named `link` can be given as ./link.
  if (argc >= 2 && llvm::StringRef(argv[1]) == "link")
    return runLink(argc, argv, Ctx);
  // Help text of the plain command only: created here, not for link.
  static cl::extrahelp CommonHelp(CommonOptionsParser::HelpMessage);
  static cl::extrahelp MoreHelp(R"(
--stats prints the time and the findings of every translation unit, and the
program's call statistics, on stderr. With no files, every translation unit
of the compilation database is analysed, as one program. `cxx-escape link
--help` describes linking IR files written by --emit-ir. Exit status: 0 no
findings, 1 findings, 2 usage or input error, 3 a file failed to compile.
)");

  std::optional<CommonOptionsParser> Parser;
  std::string ParseError;
  {
    StderrSilencer Silence;
    auto Created = CommonOptionsParser::create(argc, argv, ToolCategory,
                                               cl::ZeroOrMore);
    if (!Created)
      ParseError = firstLine(llvm::toString(Created.takeError()));
    else
      Parser.emplace(std::move(*Created));
  }
  if (!Parser) {
    error(ParseError.empty() ? std::string("invalid command line")
                             : ParseError);
    return ExitInput;
  }

  // The nearest .cxx-escape.yaml/.json above a path, then the command line.
  ConfigFinder Configs;
  std::string FirstPath = Parser->getSourcePathList().empty()
                              ? std::string(".")
                              : Parser->getSourcePathList().front();
  std::string ConfigError;
  std::optional<Config> TopConfig =
      effectiveConfig(Configs, FirstPath, ConfigError);
  if (!TopConfig) {
    error(ConfigError);
    return ExitInput;
  }
  if (DumpConfig) {
    if (!TopConfig->Source.empty())
      llvm::outs() << "# from " << TopConfig->Source << "\n";
    llvm::outs() << dumpConfig(*TopConfig);
    return ExitClean;
  }

  unsigned ShardK, ShardN;
  if (!parseShard(ShardK, ShardN) || !parseGoMode())
    return ExitInput;
  bool Emit = EmitIR.getNumOccurrences();
  if (Emit && EmitIR.empty()) {
    error("--emit-ir needs a directory");
    return ExitInput;
  }
  // --emit-ir reports nothing: output options do not matter then.
  if (!Emit && !validateOutputOptions())
    return ExitInput;

  CheckFilter Filter(TopConfig->Checks.value_or("escape-*"));
  if (ListChecks) {
    llvm::outs() << "Enabled checks:\n";
    for (const RuleInfo &R : allRules())
      if (Filter.enabled(R.Id))
        llvm::outs() << "    " << R.Id << "\n";
    // Rules a wildcard does not reach are worth knowing about.
    bool Header = false;
    for (const RuleInfo &R : allRules()) {
      if (R.DefaultEnabled || Filter.enabled(R.Id))
        continue;
      if (!Header)
        llvm::outs() << "\nOff by default (name them in --checks):\n";
      Header = true;
      llvm::outs() << "    " << R.Id << "\n";
    }
    return ExitClean;
  }
  warnUnmatchedChecks(*TopConfig);
  // Models are read before any file is compiled: a broken one stops the run.
  EngineOptions Engine;
  if (!programOptions(*TopConfig, Engine))
    return ExitInput;
  Engine.GoPlacements = htmlRequested();

  std::unique_ptr<CompilationDatabase> OwnDB;
  CompilationDatabase *DB = loadDatabase(*Parser, HasFixedArgs, OwnDB);
  if (!DB)
    return ExitInput;

  std::vector<std::string> Sources = Parser->getSourcePathList();
  // Every unit of the database, and nothing left out: the whole program.
  bool WholeProgram = Sources.empty() && !ShardN;
  if (Sources.empty())
    Sources = DB->getAllFiles();
  if (Sources.empty()) {
    error("the compilation database lists no files");
    return ExitInput;
  }
  // Path order, whatever order the database or the command line has: the
  // order of the reports and the one --shard counts in.
  std::vector<std::pair<std::string, std::string>> Sorted; // key, as given
  for (const std::string &S : Sources)
    Sorted.push_back({absolutePath(S), S});
  llvm::sort(Sorted);
  Sorted.erase(std::unique(Sorted.begin(), Sorted.end(),
                           [](const auto &A, const auto &B) {
                             return A.first == B.first;
                           }),
               Sorted.end());

  bool InputError = false;
  std::vector<FileJob> Jobs;
  size_t Index = 0;
  for (const auto &[Key, S] : Sorted) {
    std::string Err;
    std::optional<Config> C = effectiveConfig(Configs, S, Err);
    if (!C) {
      error(Err);
      return ExitInput;
    }
    if (excluded(*C, S)) {
      WholeProgram = false;
      continue;
    }
    if (ShardN && Index++ % ShardN != ShardK - 1)
      continue;
    if (!llvm::sys::fs::exists(S)) {
      error("cannot read '" + S + "': no such file");
      InputError = true;
      continue;
    }
    if (::access(S.c_str(), R_OK) != 0) {
      error("cannot read '" + S + "': permission denied");
      InputError = true;
      continue;
    }
    FileJob Job;
    if (!makeFileJob(*C, S, Job))
      return ExitInput;
    Jobs.push_back(std::move(Job));
  }

  AnalyzeOptions AOpts;
  AOpts.Jobs = jobs();
  AOpts.Progress = !quiet();
  AOpts.Lower.SourceNotes = goModeLevel() >= 2;
  AOpts.WorkerProcesses = !LowerInProcess;
  if (Emit) {
    AOpts.EmitDir = EmitIR;
    if (std::error_code EC = llvm::sys::fs::create_directories(EmitIR)) {
      error("cannot create IR directory '" + EmitIR + "': " + EC.message());
      return ExitInput;
    }
  }
  std::vector<std::string> Keys;
  for (const FileJob &J : Jobs)
    Keys.push_back(J.Key);
  ProgramLinker Linker(Keys);
  bool WriteError = false;
  Ctx.TUs = lowerFiles(*DB, Jobs, AOpts, Emit ? nullptr : &Linker, WriteError);

  bool CompileError = false;
  for (const TUResult &T : Ctx.TUs)
    if (!T.Analysed) {
      error("'" + T.File + "' failed to compile; it was not analysed");
      CompileError = true;
    }

  if (Emit) {
    if (statsRequested())
      printStats(Ctx.TUs, nullptr);
    if (InputError || WriteError)
      return ExitInput;
    return CompileError ? ExitCompile : ExitClean;
  }

  Engine.WholeProgram = WholeProgram && !InputError && !CompileError;
  if (goModeLevel())
    return analyzeAndReportGo(Linker, Engine, InputError, Ctx);
  return analyzeAndReport(Linker, Jobs, Engine, InputError, Ctx);
}
