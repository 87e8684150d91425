//===- Settings.cpp - Options of both the analysis and link --------------===//
//
// Rules, header filter and exclusions apply per file: the nearest
// configuration file, then the command line. Models and the unknown-call
// policy apply to the whole program, so they come from one configuration:
// the first file's, or the current directory's.
//
//===----------------------------------------------------------------------===//

#include "Driver.h"

#include "cxxescape/Models.h"
#include "cxxescape/Rules.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/raw_ostream.h"

namespace cl = llvm::cl;

namespace cxxescape::driver {

cl::OptionCategory ToolCategory("cxx-escape options");

cl::SubCommand &linkCommand() {
  // Built on first use: options of other files name it while they are
  // constructed, in an order C++ does not fix.
  static cl::SubCommand Link(
      "link", "Link IR files written by --emit-ir, analyse the program and "
              "report");
  return Link;
}

cl::SubCommandGroup &withLink() {
  static cl::SubCommandGroup Group{&cl::SubCommand::getTopLevel(),
                                   &linkCommand()};
  return Group;
}

void error(const std::string &Msg) {
  llvm::errs() << "cxx-escape: error: " << Msg << "\n";
}

void warning(const std::string &Msg) {
  llvm::errs() << "cxx-escape: warning: " << Msg << "\n";
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
  if (S.rfind("cxx-escape link: ", 0) == 0)
    S.erase(0, 17);
  return S;
}

namespace {

cl::opt<std::string> Checks(
    "checks",
    cl::desc("Comma-separated globs of rules to enable or (with '-') disable,\n"
             "the last match wins, e.g. '-*,escape-return'"),
    cl::init("escape-*"), cl::cat(ToolCategory), cl::sub(withLink()));
cl::opt<unsigned> Jobs("j",
                       cl::desc("Translation units lowered (or IR files "
                                "read) in parallel\n(default: all cores)"),
                       cl::value_desc("N"), cl::init(0), cl::Prefix,
                       cl::cat(ToolCategory), cl::sub(withLink()));
cl::opt<bool> Quiet("quiet",
                    cl::desc("No progress line and no summary on stderr"),
                    cl::cat(ToolCategory), cl::sub(withLink()));
cl::opt<std::string> HeaderFilter(
    "header-filter",
    cl::desc("Regular expression: findings in headers (files other than the\n"
             "translation unit's main file) are shown only if their path\n"
             "matches (default: every non-system header)"),
    cl::cat(ToolCategory), cl::sub(withLink()));
cl::list<std::string> Exclude(
    "exclude",
    cl::desc("Glob of paths to leave out: such files are not analysed and\n"
             "no finding in them is shown (repeatable)"),
    cl::value_desc("glob"), cl::cat(ToolCategory), cl::sub(withLink()));
cl::opt<std::string> SourceRoot(
    "source-root",
    cl::desc("Directory that machine-readable outputs make paths relative "
             "to\n(default: the current directory)"),
    cl::cat(ToolCategory), cl::sub(withLink()));
cl::list<std::string>
    Models("models",
           cl::desc("Model file of library functions (docs/models.md), loaded\n"
                    "after the built-in models and those of the configuration\n"
                    "(repeatable; later files win)"),
           cl::value_desc("file"), cl::cat(ToolCategory), cl::sub(withLink()));
// A string checked by hand: a bad value is then a one-line error (exit 2)
// like the other options', not llvm::cl's generic failure.
cl::opt<std::string> UnknownCalls(
    "unknown-calls",
    cl::desc("What a call to a function with no body, summary or model does\n"
             "with its arguments: ignore (the default) or escape (Go's rule)"),
    cl::value_desc("ignore|escape"), cl::cat(ToolCategory),
    cl::sub(withLink()));
cl::opt<bool> Interprocedural(
    "interprocedural",
    cl::desc("See through calls: callee summaries, library models and\n"
             "attributes (on by default; --interprocedural=false looks at\n"
             "each function's own body only)"),
    cl::cat(ToolCategory), cl::sub(withLink()));
// Checked by hand, like --unknown-calls.
cl::opt<std::string> MaxStackAlloc(
    "max-stack-alloc",
    cl::desc("escape-heap-to-stack: the largest heap object that could live\n"
             "on the stack, in bytes (default 65536, Go's limit for new(T)\n"
             "and make([]T, n))"),
    cl::value_desc("bytes"), cl::cat(ToolCategory), cl::sub(withLink()));
// The plain command line gets LLVM's own -stats option and gives it this
// meaning (main.cpp); link has no LLVM options, so it gets its own.
cl::opt<bool> LinkStats("stats",
                        cl::desc("Print per-unit times and finding counts "
                                 "and the program's call statistics"),
                        cl::cat(ToolCategory), cl::sub(linkCommand()));

} // namespace

std::optional<Config> effectiveConfig(ConfigFinder &Finder,
                                      const std::string &Path,
                                      std::string &Error) {
  std::optional<Config> C = Finder.forPath(Path, Error);
  if (!C)
    return std::nullopt;
  if (Checks.getNumOccurrences())
    C->Checks = Checks.getValue();
  if (HeaderFilter.getNumOccurrences())
    C->HeaderFilter = HeaderFilter.getValue();
  for (const std::string &G : Exclude)
    C->Exclude.push_back(G);
  for (const std::string &M : Models)
    C->Models.push_back(M);
  if (UnknownCalls.getNumOccurrences())
    C->UnknownCalls = UnknownCalls.getValue();
  if (Interprocedural.getNumOccurrences())
    C->Interprocedural = Interprocedural.getValue();
  // A bad value is programOptions' error.
  if (unsigned long long Bytes = 0;
      MaxStackAlloc.getNumOccurrences() &&
      !llvm::StringRef(MaxStackAlloc.getValue()).getAsInteger(10, Bytes))
    C->MaxStackAlloc = Bytes;
  return C;
}

bool excluded(const Config &C, const std::string &File) {
  for (const std::string &G : C.Exclude)
    if (pathGlobMatch(G, File))
      return true;
  return false;
}

bool makeFileJob(const Config &C, const std::string &File, FileJob &Job) {
  Job.File = File;
  Job.Key = absolutePath(File);
  Job.Checks = CheckFilter(C.Checks.value_or("escape-*"));
  Job.HeaderFilter = C.HeaderFilter.value_or("");
  Job.Exclude = C.Exclude;
  Job.Severities.assign(C.Severities.begin(), C.Severities.end());
  if (!Job.HeaderFilter.empty()) {
    std::string RegexError;
    if (!llvm::Regex(Job.HeaderFilter).isValid(RegexError)) {
      error("invalid header filter '" + Job.HeaderFilter + "'" +
            (C.Source.empty() ? std::string() : " in " + C.Source) + ": " +
            RegexError);
      return false;
    }
  }
  return true;
}

bool programOptions(const Config &Top, EngineOptions &Opts) {
  std::string Policy = Top.UnknownCalls.value_or("ignore");
  if (Policy != "ignore" && Policy != "escape") {
    error("invalid value '" + Policy +
          "' for --unknown-calls (expected ignore or escape)");
    return false;
  }
  Opts.Unknown =
      Policy == "escape" ? UnknownCalls::Escape : UnknownCalls::Ignore;
  if (MaxStackAlloc.getNumOccurrences()) {
    unsigned long long Bytes = 0;
    if (llvm::StringRef(MaxStackAlloc.getValue()).getAsInteger(10, Bytes)) {
      error("invalid value '" + MaxStackAlloc.getValue() +
            "' for --max-stack-alloc (expected a number of bytes)");
      return false;
    }
    Opts.MaxStackAlloc = Bytes;
  } else if (Top.MaxStackAlloc) {
    Opts.MaxStackAlloc = *Top.MaxStackAlloc;
  }
  Opts.Interprocedural = Top.Interprocedural.value_or(true);
  if (Top.Models.empty())
    return true; // the engine's shared built-in set
  auto Set = std::make_shared<ModelSet>();
  std::string Why;
  if (!Set->loadBuiltin(Why)) {
    error("built-in models: " + Why);
    return false;
  }
  for (const std::string &File : Top.Models) {
    if (!Set->loadFile(File, Why)) {
      error(Why.empty() ? "cannot load model file '" + File + "'" : Why);
      return false;
    }
  }
  Opts.Models = std::move(Set);
  return true;
}

std::string absolutePath(const std::string &Path) {
  llvm::SmallString<256> P(Path);
  llvm::sys::fs::make_absolute(P);
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return std::string(P);
}

std::string sourceRoot() {
  return absolutePath(SourceRoot.empty() ? "." : SourceRoot.getValue());
}

unsigned jobs() { return Jobs; }

void forEachInThreads(size_t Count, unsigned Jobs,
                      llvm::function_ref<void(size_t)> Work) {
  if (!Jobs)
    Jobs = llvm::hardware_concurrency().compute_thread_count();
  if (Jobs <= 1 || Count <= 1) {
    for (size_t I = 0; I < Count; ++I)
      Work(I);
    return;
  }
  llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(Jobs));
  for (size_t I = 0; I < Count; ++I)
    Pool.async([&Work, I] { Work(I); });
  Pool.wait();
}

bool quiet() { return Quiet; }

bool statsRequested() {
  if (linkCommand())
    return LinkStats;
  auto &Opts = cl::getRegisteredOptions();
  auto It = Opts.find("stats");
  return It != Opts.end() && It->second->getNumOccurrences();
}

void warnUnmatchedChecks(const Config &Top) {
  for (const std::string &G :
       CheckFilter(Top.Checks.value_or(Checks)).unmatchedGlobs())
    warning("check glob '" + G + "' matches no rule");
}

} // namespace cxxescape::driver
