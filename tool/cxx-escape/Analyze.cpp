//===- Analyze.cpp - Run the engine over translation units ----------------===//
//
// One ClangTool per file, run by a pool of threads, each with its own file
// system view (ClangTool changes the working directory per command). The
// compiler's own diagnostics of a file are buffered and printed whole, in
// the order of the files, so parallel output never interleaves.
//
//===----------------------------------------------------------------------===//

#include "Driver.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <mutex>
#include <unistd.h>

#ifndef CXX_ESCAPE_RESOURCE_DIR
#define CXX_ESCAPE_RESOURCE_DIR ""
#endif

using namespace clang;
using namespace clang::tooling;

namespace cxxescape::driver {

namespace {

std::string realPath(StringRef P) {
  llvm::SmallString<256> Out;
  if (llvm::sys::fs::real_path(P, Out))
    return P.str();
  return std::string(Out);
}

/// Collects one translation unit's findings, keeping header findings only
/// where the header filter lets them through.
class EscapeConsumer : public ASTConsumer {
public:
  EscapeConsumer(CompilerInstance &CI, const FileJob &Job,
                 const llvm::Regex *HeaderFilter, std::vector<Finding> &Out,
                 bool &Analysed)
      : CI(CI), Job(Job), HeaderFilter(HeaderFilter), Out(Out),
        Analysed(Analysed) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    if (CI.getDiagnostics().hasErrorOccurred())
      return; // an AST with errors would only mislead the analysis
    const SourceManager &SM = Ctx.getSourceManager();
    std::string Main;
    if (auto Entry = SM.getFileEntryRefForID(SM.getMainFileID()))
      Main = realPath(Entry->getName());
    for (Finding &F : analyzeTranslationUnit(Ctx, Job.Engine)) {
      bool InMain = realPath(F.Where.File) == Main;
      if (!InMain && HeaderFilter && !HeaderFilter->match(F.Where.File))
        continue;
      bool Excluded = false;
      for (const std::string &G : Job.Exclude)
        Excluded |= pathGlobMatch(G, F.Where.File);
      if (Excluded)
        continue;
      for (const auto &[Glob, Level] : Job.Severities)
        if (globMatch(Glob, F.Rule))
          F.Severity = Level;
      Out.push_back(std::move(F));
    }
    Analysed = true;
  }

private:
  CompilerInstance &CI;
  const FileJob &Job;
  const llvm::Regex *HeaderFilter;
  std::vector<Finding> &Out;
  bool &Analysed;
};

class EscapeActionFactory : public FrontendActionFactory {
public:
  EscapeActionFactory(const FileJob &Job, const llvm::Regex *HF,
                      std::vector<Finding> &Out, bool &Analysed)
      : Job(Job), HF(HF), Out(Out), Analysed(Analysed) {}
  std::unique_ptr<FrontendAction> create() override {
    struct Action : ASTFrontendAction {
      EscapeActionFactory &F;
      explicit Action(EscapeActionFactory &F) : F(F) {}
      std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                     StringRef) override {
        return std::make_unique<EscapeConsumer>(CI, F.Job, F.HF, F.Out,
                                                F.Analysed);
      }
    };
    return std::make_unique<Action>(*this);
  }

private:
  const FileJob &Job;
  const llvm::Regex *HF;
  std::vector<Finding> &Out;
  bool &Analysed;
};

ArgumentsAdjuster resourceDirAdjuster() {
  std::string Resource = CXX_ESCAPE_RESOURCE_DIR;
  return [Resource](const CommandLineArguments &Args, StringRef) {
    if (Resource.empty())
      return Args;
    for (const std::string &A : Args)
      if (StringRef(A).starts_with("-resource-dir"))
        return Args;
    CommandLineArguments Out = Args;
    Out.insert(Out.begin() + (Out.empty() ? 0 : 1),
               "-resource-dir=" + Resource);
    return Out;
  };
}

} // namespace

bool pathGlobMatch(const std::string &Glob, const std::string &Path) {
  auto Match = [](StringRef P, StringRef T) {
    // Iterative '*' and '?' matching with backtracking to the last star.
    size_t I = 0, J = 0, Star = StringRef::npos, Mark = 0;
    while (J < T.size()) {
      if (I < P.size() && (P[I] == '?' || P[I] == T[J])) {
        ++I;
        ++J;
      } else if (I < P.size() && P[I] == '*') {
        Star = I++;
        Mark = J;
      } else if (Star != StringRef::npos) {
        I = Star + 1;
        J = ++Mark;
      } else {
        return false;
      }
    }
    while (I < P.size() && P[I] == '*')
      ++I;
    return I == P.size();
  };
  if (Match(Glob, Path))
    return true;
  if (Glob.find('/') == std::string::npos)
    return Match(Glob, llvm::sys::path::filename(Path));
  // A relative glob may match the end of an absolute path.
  return Glob[0] != '/' && Match("*/" + Glob, Path);
}

std::vector<TUResult> analyzeFiles(CompilationDatabase &DB,
                                   const std::vector<FileJob> &Files,
                                   const AnalyzeOptions &Opts,
                                   std::vector<Finding> &Findings) {
  struct Slot {
    TUResult Result;
    std::vector<Finding> Findings;
    std::string Diagnostics;
  };
  std::vector<Slot> Slots(Files.size());
  std::mutex Lock;
  size_t Done = 0, Printed = 0;
  bool Tty = Opts.Progress && isatty(2);

  // Print each file's compiler messages in file order, as soon as all files
  // before it are done.
  auto Flush = [&] {
    while (Printed < Slots.size() && Slots[Printed].Result.File.size()) {
      if (Tty)
        llvm::errs() << "\r\033[K";
      llvm::errs() << Slots[Printed].Diagnostics;
      ++Printed;
    }
  };

  auto RunOne = [&](size_t I) {
    Slot &S = Slots[I];
    auto Start = std::chrono::steady_clock::now();
    std::string Diags;
    llvm::raw_string_ostream DiagOS(Diags);
    // The printer owns a reference to its options.
    IntrusiveRefCntPtr<DiagnosticOptions> DiagOpts(new DiagnosticOptions());
    TextDiagnosticPrinter Printer(DiagOS, DiagOpts.get());
    const FileJob &Job = Files[I];
    std::optional<llvm::Regex> HeaderFilter;
    if (!Job.HeaderFilter.empty())
      HeaderFilter.emplace(Job.HeaderFilter);
    ClangTool Tool(DB, {Job.File}, std::make_shared<PCHContainerOperations>(),
                   llvm::vfs::createPhysicalFileSystem());
    Tool.setDiagnosticConsumer(&Printer);
    Tool.setPrintErrorMessage(false);
    // Clang's own warnings are not ours to print; errors still are.
    Tool.appendArgumentsAdjuster(
        getInsertArgumentAdjuster({"-w", "-fno-delayed-template-parsing"},
                                  ArgumentInsertPosition::END));
    Tool.appendArgumentsAdjuster(resourceDirAdjuster());
    bool Analysed = false;
    EscapeActionFactory Factory(Job, HeaderFilter ? &*HeaderFilter : nullptr,
                                S.Findings, Analysed);
    Tool.run(&Factory);
    DiagOS.flush();
    std::lock_guard<std::mutex> G(Lock);
    S.Diagnostics = std::move(Diags);
    S.Result.Analysed = Analysed;
    S.Result.Findings = S.Findings.size();
    S.Result.Seconds = std::chrono::duration<double>(
                           std::chrono::steady_clock::now() - Start)
                           .count();
    S.Result.File = Job.File;
    ++Done;
    Flush();
    if (Tty && Done < Files.size())
      llvm::errs() << "\r\033[K[" << Done << "/" << Files.size() << "] "
                   << Job.File;
    llvm::errs().flush();
  };

  unsigned Jobs = Opts.Jobs ? Opts.Jobs : llvm::hardware_concurrency().compute_thread_count();
  if (Jobs <= 1 || Files.size() <= 1) {
    for (size_t I = 0; I < Files.size(); ++I)
      RunOne(I);
  } else {
    llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(Jobs));
    for (size_t I = 0; I < Files.size(); ++I)
      Pool.async([&, I] { RunOne(I); });
    Pool.wait();
  }
  if (Tty)
    llvm::errs() << "\r\033[K";

  std::vector<TUResult> Results;
  for (Slot &S : Slots) {
    Results.push_back(S.Result);
    Findings.insert(Findings.end(), std::make_move_iterator(S.Findings.begin()),
                    std::make_move_iterator(S.Findings.end()));
  }
  sortAndDedupe(Findings);
  return Results;
}

} // namespace cxxescape::driver
