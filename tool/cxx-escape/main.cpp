//===- main.cpp - The cxx-escape command-line driver ----------------------===//
//
// cxx-escape [options] [files...] [-- compiler args]
//
// Exit codes: 0 no findings, 1 findings, 2 usage or input error (missing or
// malformed compilation database, unreadable file), 3 a file failed to
// compile (findings of the files that did parse are still printed).
//
//===----------------------------------------------------------------------===//

#include "cxxescape/Engine.h"
#include "cxxescape/Rules.h"
#include "cxxescape/TextReporter.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <fcntl.h>
#include <iostream>
#include <set>
#include <unistd.h>

#ifndef CXX_ESCAPE_VERSION
#define CXX_ESCAPE_VERSION "0.0.0"
#endif
#ifndef CXX_ESCAPE_RESOURCE_DIR
#define CXX_ESCAPE_RESOURCE_DIR ""
#endif

using namespace clang;
using namespace clang::tooling;
namespace cl = llvm::cl;

namespace {

enum ExitCode { ExitClean = 0, ExitFindings = 1, ExitInput = 2, ExitCompile = 3 };

cl::OptionCategory ToolCategory("cxx-escape options");
cl::extrahelp CommonHelp(CommonOptionsParser::HelpMessage);
cl::extrahelp MoreHelp(R"(
With no files, every translation unit of the compilation database is
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

void error(const std::string &Msg) {
  llvm::errs() << "cxx-escape: error: " << Msg << "\n";
}

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

struct RunState {
  cxxescape::EngineOptions Engine;
  std::vector<cxxescape::Finding> Findings;
  std::set<std::string> Analysed;
};

class EscapeConsumer : public ASTConsumer {
public:
  EscapeConsumer(RunState &State, CompilerInstance &CI, std::string File)
      : State(State), CI(CI), File(std::move(File)) {}
  void HandleTranslationUnit(ASTContext &Ctx) override {
    if (CI.getDiagnostics().hasErrorOccurred())
      return; // an AST with errors would only mislead the analysis
    std::vector<cxxescape::Finding> F =
        cxxescape::analyzeTranslationUnit(Ctx, State.Engine);
    State.Findings.insert(State.Findings.end(), F.begin(), F.end());
    // Record the real path: the database may name the file relatively.
    const SourceManager &SM = Ctx.getSourceManager();
    if (auto Entry = SM.getFileEntryRefForID(SM.getMainFileID())) {
      StringRef Real = Entry->getFileEntry().tryGetRealPathName();
      State.Analysed.insert(Real.empty() ? File : Real.str());
    } else {
      State.Analysed.insert(File);
    }
  }

private:
  RunState &State;
  CompilerInstance &CI;
  std::string File;
};

class EscapeAction : public ASTFrontendAction {
public:
  explicit EscapeAction(RunState &State) : State(State) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef File) override {
    return std::make_unique<EscapeConsumer>(State, CI, File.str());
  }

private:
  RunState &State;
};

class EscapeActionFactory : public FrontendActionFactory {
public:
  explicit EscapeActionFactory(RunState &State) : State(State) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<EscapeAction>(State);
  }

private:
  RunState &State;
};

std::string realPath(const std::string &P) {
  llvm::SmallString<256> Out;
  if (llvm::sys::fs::real_path(P, Out))
    return P;
  return std::string(Out);
}

} // namespace

int main(int argc, const char **argv) {
  cl::SetVersionPrinter([](llvm::raw_ostream &OS) {
    OS << "cxx-escape version " << CXX_ESCAPE_VERSION << " (LLVM "
       << LLVM_VERSION_STRING << ")\n";
  });
  bool HasFixedArgs = false;
  for (int I = 1; I < argc; ++I)
    if (StringRef(argv[I]) == "--")
      HasFixedArgs = true;

  std::optional<CommonOptionsParser> Parser;
  std::string ParseError;
  {
    StderrSilencer Quiet;
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

  cxxescape::CheckFilter Filter(Checks);
  if (ListChecks) {
    llvm::outs() << "Enabled checks:\n";
    for (const cxxescape::RuleInfo &R : cxxescape::allRules())
      if (Filter.enabled(R.Id))
        llvm::outs() << "    " << R.Id << "\n";
    return ExitClean;
  }
  for (const std::string &G : Filter.unmatchedGlobs())
    llvm::errs() << "cxx-escape: warning: check glob '" << G
                 << "' matches no rule\n";

  // The compilation database: fixed flags after `--`, else -p, else the
  // nearest compile_commands.json above the first file or the current
  // directory. A missing or broken database is an error, never "no flags".
  std::unique_ptr<CompilationDatabase> OwnDB;
  CompilationDatabase *DB = nullptr;
  std::vector<std::string> Sources = Parser->getSourcePathList();
  if (HasFixedArgs) {
    DB = &Parser->getCompilations();
  } else {
    std::string Err;
    auto *BuildPath = registeredOption<cl::opt<std::string>>("p");
    std::string Where;
    if (BuildPath && !BuildPath->getValue().empty()) {
      Where = BuildPath->getValue();
      if (!llvm::sys::fs::is_directory(Where) &&
          llvm::sys::path::filename(Where) == "compile_commands.json")
        Where = std::string(llvm::sys::path::parent_path(Where));
      if (!llvm::sys::fs::exists(Where)) {
        error("build directory '" + Where + "' does not exist");
        return ExitInput;
      }
      OwnDB = CompilationDatabase::loadFromDirectory(Where, Err);
    } else if (!Sources.empty()) {
      Where = Sources.front();
      OwnDB = CompilationDatabase::autoDetectFromSource(Where, Err);
    } else {
      llvm::SmallString<256> Cwd;
      llvm::sys::fs::current_path(Cwd);
      Where = std::string(Cwd);
      OwnDB = CompilationDatabase::autoDetectFromDirectory(Where, Err);
    }
    if (!OwnDB) {
      std::string Reason = firstLine(Err);
      if (Reason.empty() || Reason.find("Could not auto-detect") !=
                                std::string::npos)
        Reason = "no compile_commands.json found";
      error("cannot load a compilation database for '" + Where +
            "': " + Reason +
            " (use -p <build dir>, or '-- <compiler flags>')");
      return ExitInput;
    }
    DB = OwnDB.get();
  }

  if (Sources.empty())
    Sources = DB->getAllFiles();
  if (Sources.empty()) {
    error("the compilation database lists no files");
    return ExitInput;
  }

  bool InputError = false;
  std::vector<std::string> Readable;
  for (const std::string &S : Sources) {
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
    Readable.push_back(S);
  }

  RunState State;
  State.Engine.Checks = Filter;
  bool CompileError = false;
  // One tool per file: clang's own progress lines stay out of the output,
  // and each file's failure is its own.
  for (const std::string &File : Readable) {
    ClangTool Tool(*DB, {File});
    // Clang's own warnings are not ours to print; errors still are.
    Tool.appendArgumentsAdjuster(
        getInsertArgumentAdjuster({"-w", "-fno-delayed-template-parsing"},
                                  ArgumentInsertPosition::END));
    std::string Resource = CXX_ESCAPE_RESOURCE_DIR;
    if (!Resource.empty())
      Tool.appendArgumentsAdjuster(
          [Resource](const CommandLineArguments &Args, StringRef) {
            for (const std::string &A : Args)
              if (StringRef(A).starts_with("-resource-dir"))
                return Args;
            CommandLineArguments Out = Args;
            Out.insert(Out.begin() + (Out.empty() ? 0 : 1),
                       "-resource-dir=" + Resource);
            return Out;
          });
    EscapeActionFactory Factory(State);
    Tool.run(&Factory);
  }
  {
    for (const std::string &S : Readable) {
      std::string Abs = S;
      if (!llvm::sys::path::is_absolute(Abs)) {
        llvm::SmallString<256> P(S);
        llvm::sys::fs::make_absolute(P);
        Abs = std::string(P);
      }
      bool Done = State.Analysed.count(realPath(Abs)) != 0;
      for (const std::string &A : State.Analysed)
        if (!Done && realPath(A) == realPath(Abs))
          Done = true;
      if (!Done) {
        error("'" + S + "' failed to compile; it was not analysed");
        CompileError = true;
      }
    }
  }

  cxxescape::sortAndDedupe(State.Findings);
  cxxescape::TextReporter Reporter(std::cout);
  Reporter.report(State.Findings);
  std::cout.flush();

  if (InputError)
    return ExitInput;
  if (CompileError)
    return ExitCompile;
  return State.Findings.empty() ? ExitClean : ExitFindings;
}
