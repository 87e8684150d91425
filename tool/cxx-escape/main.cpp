//===- main.cpp - The cxx-escape command-line driver ----------------------===//
//
// cxx-escape [options] [files...] [-- compiler args]
//
// Exit codes: 0 no findings, 1 findings, 2 usage or input error (missing or
// malformed compilation database, unreadable file), 3 a file failed to
// compile (findings of the files that did parse are still printed).
//
//===----------------------------------------------------------------------===//

#include "Config.h"
#include "Driver.h"

#include "cxxescape/Rules.h"

#include "clang/Tooling/CommonOptionsParser.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
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

namespace cxxescape::driver {

cl::OptionCategory ToolCategory("cxx-escape options");

void error(const std::string &Msg) {
  llvm::errs() << "cxx-escape: error: " << Msg << "\n";
}

} // namespace cxxescape::driver

namespace {

cl::extrahelp CommonHelp(CommonOptionsParser::HelpMessage);
cl::extrahelp MoreHelp(R"(
--stats prints the time and the findings of every translation unit on
stderr. With no files, every translation unit of the compilation database is
analysed. Exit status: 0 no findings, 1 findings, 2 usage or input error,
3 a file failed to compile.
)");

cl::opt<std::string> Checks(
    "checks",
    cl::desc("Comma-separated globs of rules to enable or (with '-') disable,\n"
             "the last match wins, e.g. '-*,escape-return'"),
    cl::init("escape-*"), cl::cat(ToolCategory));
cl::opt<bool> ListChecks("list-checks",
                         cl::desc("List the enabled rules and exit"),
                         cl::cat(ToolCategory));
cl::opt<unsigned> Jobs("j",
                       cl::desc("Translation units analysed in parallel "
                                "(default: all cores)"),
                       cl::value_desc("N"), cl::init(0), cl::Prefix,
                       cl::cat(ToolCategory));
cl::opt<bool> Quiet("quiet",
                    cl::desc("No progress line and no summary on stderr"),
                    cl::cat(ToolCategory));
cl::opt<std::string> HeaderFilter(
    "header-filter",
    cl::desc("Regular expression: findings in headers (files other than the\n"
             "translation unit's main file) are shown only if their path\n"
             "matches (default: every non-system header)"),
    cl::cat(ToolCategory));
cl::list<std::string> Exclude(
    "exclude",
    cl::desc("Glob of paths to leave out: such files are not analysed and\n"
             "no finding in them is shown (repeatable)"),
    cl::value_desc("glob"), cl::cat(ToolCategory));
cl::opt<bool> DumpConfig(
    "dump-config",
    cl::desc("Print the configuration in effect for the first file (or the\n"
             "current directory) after the command line, and exit"),
    cl::cat(ToolCategory));
cl::opt<std::string> SourceRoot(
    "source-root",
    cl::desc("Directory that machine-readable outputs make paths relative "
             "to\n(default: the current directory)"),
    cl::cat(ToolCategory));

std::string firstLine(std::string S) {
  while (!S.empty() && (S.back() == '\n' || S.back() == ' '))
    S.pop_back();
  size_t NL = S.find('\n');
  if (NL != std::string::npos)
    S.resize(NL);
  // Messages from llvm::cl start with the program name.
  if (S.rfind("cxx-escape: ", 0) == 0)
    S.erase(0, 12);
  return S;
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
  auto Effective = [&](const std::string &Path,
                       std::string &Err) -> std::optional<Config> {
    std::optional<Config> C = Configs.forPath(Path, Err);
    if (!C)
      return std::nullopt;
    if (Checks.getNumOccurrences())
      C->Checks = Checks.getValue();
    if (HeaderFilter.getNumOccurrences())
      C->HeaderFilter = HeaderFilter.getValue();
    for (const std::string &G : Exclude)
      C->Exclude.push_back(G);
    return C;
  };
  std::string FirstPath = Parser->getSourcePathList().empty()
                              ? std::string(".")
                              : Parser->getSourcePathList().front();
  std::string ConfigError;
  std::optional<Config> TopConfig = Effective(FirstPath, ConfigError);
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

  if (!validateOutputOptions())
    return ExitInput;

  CheckFilter Filter(TopConfig->Checks.value_or(Checks.getValue()));
  if (ListChecks) {
    llvm::outs() << "Enabled checks:\n";
    for (const RuleInfo &R : allRules())
      if (Filter.enabled(R.Id))
        llvm::outs() << "    " << R.Id << "\n";
    return ExitClean;
  }
  for (const std::string &G : Filter.unmatchedGlobs())
    llvm::errs() << "cxx-escape: warning: check glob '" << G
                 << "' matches no rule\n";

  std::unique_ptr<CompilationDatabase> OwnDB;
  CompilationDatabase *DB = loadDatabase(*Parser, HasFixedArgs, OwnDB);
  if (!DB)
    return ExitInput;

  std::vector<std::string> Sources = Parser->getSourcePathList();
  bool FromDatabase = Sources.empty();
  if (FromDatabase)
    Sources = DB->getAllFiles();
  if (Sources.empty()) {
    error("the compilation database lists no files");
    return ExitInput;
  }

  bool InputError = false;
  std::vector<FileJob> Jobs_;
  for (const std::string &S : Sources) {
    std::string Err;
    std::optional<Config> C = Effective(S, Err);
    if (!C) {
      error(Err);
      return ExitInput;
    }
    bool Excluded = false;
    for (const std::string &G : C->Exclude)
      Excluded |= pathGlobMatch(G, S);
    if (Excluded)
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
    Job.File = S;
    Job.Engine.Checks = CheckFilter(C->Checks.value_or("escape-*"));
    Job.HeaderFilter = C->HeaderFilter.value_or("");
    Job.Exclude = C->Exclude;
    for (const auto &[Rule, Level] : C->Severities)
      Job.Severities.push_back({Rule, Level});
    if (!Job.HeaderFilter.empty()) {
      std::string RegexError;
      if (!llvm::Regex(Job.HeaderFilter).isValid(RegexError)) {
        error("invalid header filter '" + Job.HeaderFilter + "'" +
              (C->Source.empty() ? std::string() : " in " + C->Source) +
              ": " + RegexError);
        return ExitInput;
      }
    }
    Jobs_.push_back(std::move(Job));
  }

  llvm::SmallString<256> Root(SourceRoot.empty() ? "." : SourceRoot.getValue());
  llvm::sys::fs::make_absolute(Root);
  llvm::sys::path::remove_dots(Root, /*remove_dot_dot=*/true);
  Ctx.SourceRoot = std::string(Root);

  AnalyzeOptions AOpts;
  AOpts.Jobs = Jobs;
  AOpts.Progress = !Quiet;
  std::vector<Finding> Findings;
  Ctx.TUs = analyzeFiles(*DB, Jobs_, AOpts, Findings);

  bool CompileError = false;
  for (const TUResult &T : Ctx.TUs)
    if (!T.Analysed) {
      error("'" + T.File + "' failed to compile; it was not analysed");
      CompileError = true;
    }
  // LLVM itself registers -stats; this tool gives it its per-file meaning.
  auto *Stats = registeredOption<cl::Option>("stats");
  if (Stats && Stats->getNumOccurrences())
    for (const TUResult &T : Ctx.TUs)
      llvm::errs() << llvm::format("cxx-escape: %8.3fs %4zu findings  %s%s\n",
                                   T.Seconds, T.Findings, T.File.c_str(),
                                   T.Analysed ? "" : " (failed)");

  Ctx.InputError = InputError;
  Ctx.Quiet = Quiet;
  if (!applyFilters(Findings, Ctx))
    return ExitInput;
  if (!emitOutputs(Findings, Ctx))
    return ExitInput;

  if (InputError)
    return ExitInput;
  if (CompileError)
    return ExitCompile;
  return Findings.empty() ? ExitClean : ExitFindings;
}
