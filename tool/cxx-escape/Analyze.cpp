//===- Analyze.cpp - Lower translation units to graphs -------------------===//
//
// One ClangTool per file, each in a worker process of its own (WorkerPool.h)
// that hands back only the graph, or, without worker processes, in a pool of
// threads, each with its own file system view (ClangTool changes the working
// directory per command). Each AST is lowered to a graph and dropped at once:
// only graphs are kept, or written to IR files with --emit-ir. The compiler's own diagnostics of a
// file are buffered and printed whole, in the order of the files, so
// parallel output never interleaves.
//
//===----------------------------------------------------------------------===//

#include "Driver.h"
#include "WorkerPool.h"

#include "cxxescape/Serialize.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

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

/// Lowers one translation unit, unless the compiler reported errors: an AST
/// with errors would only mislead the analysis.
class LowerConsumer : public ASTConsumer {
public:
  LowerConsumer(CompilerInstance &CI, std::optional<Graph> &Out,
                const LowerOptions &Opts)
      : CI(CI), Out(Out), Opts(Opts) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    if (!CI.getDiagnostics().hasErrorOccurred())
      Out = lowerUnit(Ctx, Opts);
  }

private:
  CompilerInstance &CI;
  std::optional<Graph> &Out;
  const LowerOptions &Opts;
};

class LowerActionFactory : public FrontendActionFactory {
public:
  LowerActionFactory(std::optional<Graph> &Out, const LowerOptions &Opts)
      : Out(Out), Opts(Opts) {}
  std::unique_ptr<FrontendAction> create() override {
    struct Action : ASTFrontendAction {
      std::optional<Graph> &Out;
      const LowerOptions &Opts;
      Action(std::optional<Graph> &Out, const LowerOptions &Opts)
          : Out(Out), Opts(Opts) {}
      std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                     StringRef) override {
        return std::make_unique<LowerConsumer>(CI, Out, Opts);
      }
    };
    return std::make_unique<Action>(Out, Opts);
  }

private:
  std::optional<Graph> &Out;
  const LowerOptions &Opts;
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

std::string irFileName(const std::string &Key) {
  // The name says which file it is; the hash keeps same-named files of
  // different directories apart, and is the same in every shard.
  std::string Name;
  llvm::raw_string_ostream OS(Name);
  OS << llvm::sys::path::filename(Key) << "-"
     << llvm::format_hex_no_prefix(llvm::xxh3_64bits(Key), 16) << IRFileSuffix;
  return Name;
}

namespace {

/// What lowering one file gives, in this process or in a worker.
struct UnitOutput {
  bool Lowered = false;
  std::string Diagnostics;
  std::string WriteError;
  std::optional<Graph> G; // none with --emit-ir or on failure
  double Seconds = 0;
};

UnitOutput lowerOneFile(CompilationDatabase &DB, const FileJob &Job,
                        const AnalyzeOptions &Opts) {
  UnitOutput Out;
  auto Start = std::chrono::steady_clock::now();
  llvm::raw_string_ostream DiagOS(Out.Diagnostics);
  // The printer owns a reference to its options.
  IntrusiveRefCntPtr<DiagnosticOptions> DiagOpts(new DiagnosticOptions());
  TextDiagnosticPrinter Printer(DiagOS, DiagOpts.get());
  ClangTool Tool(DB, {Job.File}, std::make_shared<PCHContainerOperations>(),
                 llvm::vfs::createPhysicalFileSystem());
  Tool.setDiagnosticConsumer(&Printer);
  Tool.setPrintErrorMessage(false);
  // Clang's own warnings are not ours to print; errors still are.
  Tool.appendArgumentsAdjuster(
      getInsertArgumentAdjuster({"-w", "-fno-delayed-template-parsing"},
                                ArgumentInsertPosition::END));
  Tool.appendArgumentsAdjuster(resourceDirAdjuster());
  LowerActionFactory Factory(Out.G, Opts.Lower);
  Tool.run(&Factory);
  DiagOS.flush();
  Out.Lowered = Out.G.has_value();
  if (Out.G) {
    // The driver's spelling, not the command's (which may be relative to
    // the database's directory): the same in every shard and in link.
    Out.G->MainFile = Job.Key;
    if (!Opts.EmitDir.empty()) {
      llvm::SmallString<256> Path(Opts.EmitDir);
      llvm::sys::path::append(Path, irFileName(Job.Key));
      writeGraphFile(*Out.G, std::string(Path), Out.WriteError);
      Out.G.reset();
    }
  } else if (!Opts.EmitDir.empty()) {
    // No IR from an earlier run may stand in for a file that now fails.
    llvm::SmallString<256> Path(Opts.EmitDir);
    llvm::sys::path::append(Path, irFileName(Job.Key));
    llvm::sys::fs::remove(Path);
  }
  Out.Seconds = std::chrono::duration<double>(
                    std::chrono::steady_clock::now() - Start)
                    .count();
  return Out;
}

// A worker hands its UnitOutput back in a file:
//   cxx-escape-unit <lowered> <seconds> <diagnostic bytes> <error bytes>
//   <IR bytes>\n, then the three byte strings (the IR as serializeGraph
//   writes it).
constexpr const char UnitFileMagic[] = "cxx-escape-unit";

bool writeUnitFile(const std::string &Path, const UnitOutput &Out) {
  std::string IR = Out.G ? serializeGraph(*Out.G) : std::string();
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC);
  if (EC)
    return false;
  OS << UnitFileMagic << ' ' << (Out.Lowered ? 1 : 0) << ' '
     << llvm::format("%.9g", Out.Seconds) << ' ' << Out.Diagnostics.size()
     << ' ' << Out.WriteError.size() << ' ' << IR.size() << '\n'
     << Out.Diagnostics << Out.WriteError << IR;
  OS.close();
  return !OS.has_error();
}

/// Reads what writeUnitFile wrote; sets Error (one line) on failure.
bool readUnitFile(const std::string &Path, UnitOutput &Out,
                  std::string &Error) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer) {
    Error = "its result is missing: " + Buffer.getError().message();
    return false;
  }
  StringRef Data = (*Buffer)->getBuffer();
  auto [Header, Rest] = Data.split('\n');
  llvm::SmallVector<StringRef, 6> Fields;
  Header.split(Fields, ' ');
  unsigned Lowered = 0;
  size_t Sizes[3];
  if (Fields.size() != 6 || Fields[0] != UnitFileMagic ||
      Fields[1].getAsInteger(10, Lowered) ||
      Fields[2].getAsDouble(Out.Seconds) ||
      Fields[3].getAsInteger(10, Sizes[0]) ||
      Fields[4].getAsInteger(10, Sizes[1]) ||
      Fields[5].getAsInteger(10, Sizes[2]) ||
      Rest.size() != Sizes[0] + Sizes[1] + Sizes[2]) {
    Error = "its result is malformed";
    return false;
  }
  Out.Lowered = Lowered != 0;
  Out.Diagnostics = Rest.substr(0, Sizes[0]).str();
  Out.WriteError = Rest.substr(Sizes[0], Sizes[1]).str();
  StringRef IR = Rest.substr(Sizes[0] + Sizes[1]);
  if (!IR.empty()) {
    Out.G.emplace();
    if (!deserializeGraph(IR, *Out.G, Error)) {
      Error = "its graph is unreadable: " + Error;
      Out.G.reset();
      return false;
    }
  }
  return true;
}

} // namespace

std::vector<TUResult> lowerFiles(CompilationDatabase &DB,
                                 const std::vector<FileJob> &Files,
                                 const AnalyzeOptions &Opts,
                                 ProgramLinker *Linker, bool &WriteError) {
  struct Slot {
    TUResult Result;
    std::string Diagnostics;
    std::string WriteError;
    std::string WorkerError;
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
      if (!Slots[Printed].WorkerError.empty())
        error(Slots[Printed].WorkerError);
      if (!Slots[Printed].WriteError.empty())
        error(Slots[Printed].WriteError);
      ++Printed;
    }
  };

  auto Finish = [&](size_t I, UnitOutput Out, std::string WorkerError) {
    std::lock_guard<std::mutex> Guard(Lock);
    Slot &S = Slots[I];
    if (Linker)
      Linker->add(I, std::move(Out.G));
    S.Diagnostics = std::move(Out.Diagnostics);
    S.WriteError = std::move(Out.WriteError);
    S.WorkerError = std::move(WorkerError);
    S.Result.Analysed = Out.Lowered;
    S.Result.Seconds = Out.Seconds;
    S.Result.File = Files[I].File;
    ++Done;
    Flush();
    if (Tty && Done < Files.size())
      llvm::errs() << "\r\033[K[" << Done << "/" << Files.size() << "] "
                   << Files[I].File;
    llvm::errs().flush();
  };

  unsigned Jobs = Opts.Jobs
                      ? Opts.Jobs
                      : llvm::hardware_concurrency().compute_thread_count();
  // One file: nothing to gain from a worker process.
  bool Workers = Files.size() > 1 && Opts.WorkerProcesses &&
                 workerProcessesAvailable();
  llvm::SmallString<128> ResultDir;
  if (Workers &&
      llvm::sys::fs::createUniqueDirectory("cxx-escape-units", ResultDir))
    Workers = false;
  if (Workers) {
    auto ResultPath = [&](size_t I) {
      llvm::SmallString<128> Path(ResultDir);
      llvm::sys::path::append(Path, std::to_string(I));
      return std::string(Path);
    };
    Workers = runInWorkerProcesses(
        Files.size(), Jobs,
        [&](size_t I) {
          UnitOutput Out = lowerOneFile(DB, Files[I], Opts);
          return writeUnitFile(ResultPath(I), Out) ? 0 : 1;
        },
        [&](size_t I, const WorkerStatus &Status) {
          UnitOutput Out;
          std::string Error;
          if (Status.succeeded())
            readUnitFile(ResultPath(I), Out, Error);
          else
            Error = Status.describe();
          if (!Error.empty())
            Error = "lowering '" + Files[I].File + "' failed: " + Error;
          llvm::sys::fs::remove(ResultPath(I));
          Finish(I, std::move(Out), std::move(Error));
        });
    llvm::sys::fs::remove_directories(ResultDir);
  }
  if (!Workers)
    forEachInThreads(Files.size(), Jobs, [&](size_t I) {
      Finish(I, lowerOneFile(DB, Files[I], Opts), "");
    });
  if (Tty)
    llvm::errs() << "\r\033[K";

  std::vector<TUResult> Results;
  for (Slot &S : Slots) {
    Results.push_back(S.Result);
    WriteError |= !S.WriteError.empty();
  }
  return Results;
}

} // namespace cxxescape::driver
