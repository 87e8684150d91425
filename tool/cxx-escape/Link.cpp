//===- Link.cpp - cxx-escape link: analyse IR files ----------------------===//
//
// cxx-escape link DIR_OR_FILE... [options]
//
// Reads the IR files that `--emit-ir` runs wrote (shards, usually), links
// them and reports as a plain run over the same files would: the settings
// of each unit come from the configuration files above its main file, NOLINT
// comments from the sources, which must therefore still be there. An IR file
// that cannot be read is an error (exit 2) naming it; the others are still
// analysed and reported.
//
//===----------------------------------------------------------------------===//

#include "Driver.h"

#include "cxxescape/Serialize.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>

namespace cl = llvm::cl;

namespace cxxescape::driver {

namespace {

cl::list<std::string> Inputs(cl::Positional,
                             cl::desc("<IR directory or file>..."),
                             cl::cat(ToolCategory), cl::sub(linkCommand()));

/// The IR files named by Inputs: directories give their *.cxxir files.
std::vector<std::string> irFiles(bool &InputError) {
  std::vector<std::string> Files;
  for (const std::string &In : Inputs) {
    if (!llvm::sys::fs::is_directory(In)) {
      if (llvm::sys::fs::exists(In)) {
        Files.push_back(In);
      } else {
        error("cannot read '" + In + "': no such file or directory");
        InputError = true;
      }
      continue;
    }
    std::vector<std::string> Found;
    std::error_code EC;
    for (llvm::sys::fs::directory_iterator It(In, EC), End; It != End && !EC;
         It.increment(EC))
      if (llvm::StringRef(It->path()).ends_with(IRFileSuffix))
        Found.push_back(It->path());
    if (EC) {
      error("cannot read '" + In + "': " + EC.message());
      InputError = true;
    } else if (Found.empty()) {
      error("no IR files (*" + std::string(IRFileSuffix) + ") in '" + In + "'");
      InputError = true;
    }
    llvm::sort(Found);
    llvm::append_range(Files, Found);
  }
  // A file named twice (a directory and a file in it) is read once.
  llvm::StringSet<> Seen;
  llvm::erase_if(Files, [&](const std::string &F) {
    return !Seen.insert(absolutePath(F)).second;
  });
  return Files;
}

struct Loaded {
  std::optional<Graph> IR;
  std::string Error;
  double Seconds = 0;
};

std::vector<Loaded> readAll(const std::vector<std::string> &Files) {
  std::vector<Loaded> Out(Files.size());
  auto ReadOne = [&](size_t I) {
    auto Start = std::chrono::steady_clock::now();
    Graph G;
    if (readGraphFile(Files[I], G, Out[I].Error))
      Out[I].IR = std::move(G);
    Out[I].Seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
            .count();
  };
  forEachInThreads(Files.size(), jobs(), ReadOne);
  return Out;
}

} // namespace

int runLink(int Argc, const char **Argv, RunContext &Ctx) {
  cl::HideUnrelatedOptions(ToolCategory);
  static cl::extrahelp Help(R"(
Each argument is an IR file or a directory of them (*.cxxir), written by
`cxx-escape --emit-ir DIR`, usually in several --shard jobs. The report is
the one a plain run over the same translation units prints. The sources
must still be there: NOLINT comments, configuration files and the text
output read them. Exit status: 0 no findings, 1 findings, 2 usage or input
error (an IR file that cannot be read is named; the others are reported).
)");
  std::string ParseError;
  llvm::raw_string_ostream ErrOS(ParseError);
  if (!cl::ParseCommandLineOptions(Argc, Argv, "", &ErrOS)) {
    error(firstLine(ParseError));
    return ExitInput;
  }
  // llvm::cl lets a subcommand use top-level options; those of a plain run
  // only (--emit-ir, --shard, -p, ...) mean nothing here.
  auto &Mine = cl::getRegisteredOptions(linkCommand());
  for (const auto &Entry : cl::getRegisteredOptions()) {
    if (Entry.second->getNumOccurrences() && !Mine.count(Entry.first())) {
      error("--" + Entry.first().str() + " cannot be used with link");
      return ExitInput;
    }
  }
  if (Inputs.empty()) {
    error("link needs IR files or directories of them (written by "
          "--emit-ir)");
    return ExitInput;
  }
  if (!validateOutputOptions() || !parseGoMode())
    return ExitInput;

  // Program-wide settings: the current directory's configuration.
  ConfigFinder Configs;
  std::string ConfigError;
  std::optional<Config> Top = effectiveConfig(Configs, ".", ConfigError);
  if (!Top) {
    error(ConfigError);
    return ExitInput;
  }
  warnUnmatchedChecks(*Top);
  EngineOptions Engine;
  if (!programOptions(*Top, Engine))
    return ExitInput;
  Engine.GoPlacements = htmlRequested();

  bool InputError = false;
  std::vector<std::string> Files = irFiles(InputError);
  std::vector<Loaded> Units = readAll(Files);

  // One unit per main file, in path order, as a plain run has them.
  struct Entry {
    std::string Key;
    size_t Unit;
  };
  std::vector<Entry> Order;
  for (size_t I = 0; I < Units.size(); ++I) {
    if (!Units[I].IR) {
      error(Units[I].Error);
      InputError = true;
      continue;
    }
    const std::string &Main = Units[I].IR->MainFile;
    Order.push_back({Main.empty() ? absolutePath(Files[I]) : Main, I});
  }
  llvm::stable_sort(
      Order, [](const Entry &A, const Entry &B) { return A.Key < B.Key; });

  // The IR files are the program, unless one is unreadable or excluded.
  bool WholeProgram = !InputError;
  std::vector<FileJob> Jobs;
  std::vector<std::optional<Graph>> Graphs; // parallel to Jobs
  for (size_t I = 0; I < Order.size(); ++I) {
    const Entry &E = Order[I];
    if (I > 0 && Order[I - 1].Key == E.Key) {
      warning("'" + Files[E.Unit] + "' holds '" + E.Key + "' as '" +
              Files[Order[I - 1].Unit] + "' does; it is not used");
      continue;
    }
    std::string Err;
    std::optional<Config> C = effectiveConfig(Configs, E.Key, Err);
    if (!C) {
      error(Err);
      return ExitInput;
    }
    if (excluded(*C, E.Key)) {
      WholeProgram = false;
      continue;
    }
    FileJob Job;
    if (!makeFileJob(*C, E.Key, Job))
      return ExitInput;
    Jobs.push_back(std::move(Job));
    Graphs.push_back(std::move(Units[E.Unit].IR));
    TUResult T;
    T.File = E.Key;
    T.Analysed = true;
    T.Seconds = Units[E.Unit].Seconds;
    Ctx.TUs.push_back(std::move(T));
  }
  Units.clear();

  std::vector<std::string> Keys;
  for (const FileJob &J : Jobs)
    Keys.push_back(J.Key);
  ProgramLinker Linker(Keys);
  for (size_t I = 0; I < Graphs.size(); ++I)
    Linker.add(I, std::move(Graphs[I]));
  Graphs.clear();
  Engine.WholeProgram = WholeProgram;
  if (goModeLevel())
    return analyzeAndReportGo(Linker, Engine, InputError, Ctx);
  return analyzeAndReport(Linker, Jobs, Engine, InputError, Ctx);
}

} // namespace cxxescape::driver
