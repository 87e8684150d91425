//===- EscapeTidyModule.cpp - cxx-escape as a clang-tidy module -----------===//
//
// Loaded by clang-tidy with -load=CxxEscapeTidyModule.so. Registers one
// check per rule (escape-return, escape-global, ...). The engine runs once
// per translation unit; every check then reports its own rule's findings
// through clang-tidy, so NOLINT, .clang-tidy, --export-fixes and
// -warnings-as-errors work as for any other check.
//
// Build this file with clang++-19: a g++-built module fails at the first
// option read (llvm/llvm-project#62765), see docs/clang-tidy.md.
//
//===----------------------------------------------------------------------===//

#include "cxxescape/Engine.h"
#include "cxxescape/Finding.h"
#include "cxxescape/Rules.h"
#include "cxxescape/SpotLocator.h"

#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "llvm/Config/llvm-config.h"
#if LLVM_VERSION_MAJOR < 22
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif

#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Basic/SourceManager.h"

#include <map>
#include <memory>
#include <mutex>
#include <set>

using namespace clang;
using namespace clang::ast_matchers;

namespace cxxescape::tidy {
namespace {

/// The built-in models plus the files of a `Models` option, loaded once per
/// process for each distinct value; Error is set when a file is malformed.
std::shared_ptr<const ModelSet> modelsFor(const std::string &Files,
                                          std::string &Error) {
  struct Entry {
    std::shared_ptr<const ModelSet> Set;
    std::string Error;
  };
  static std::mutex Lock;
  static std::map<std::string, Entry> Cache;
  std::lock_guard<std::mutex> Guard(Lock);
  auto [It, New] = Cache.try_emplace(Files);
  if (New) {
    auto Set = std::make_shared<ModelSet>();
    std::string Why;
    bool Ok = Set->loadBuiltin(Why);
    SmallVector<StringRef> Paths;
    StringRef(Files).split(Paths, ';', -1, /*KeepEmpty=*/false);
    for (StringRef P : Paths) {
      if (Ok && !P.trim().empty())
        Ok = Set->loadFile(P.trim().str(), Why);
    }
    if (Ok)
      It->second.Set = std::move(Set);
    else
      It->second.Error = "cxx-escape: " + Why;
  }
  Error = It->second.Error;
  return It->second.Set;
}

/// The findings of one translation unit, shared by every escape-* check of
/// that TU. clang-tidy creates a fresh set of checks per TU, so the cache
/// lives exactly as long as they do; the ASTContext guards against reuse.
struct TUFindings {
  const ASTContext *Ctx = nullptr;
  std::vector<Finding> Findings;
  /// Program options, from the first check of the set (options are meant
  /// to be set once, globally: one engine run serves every check).
  bool Configured = false;
  EngineOptions Opts;
  std::string ConfigError;
  bool ErrorReported = false;
  /// The rules whose checks clang-tidy created (its -checks enabled them).
  std::set<std::string> Requested;

  void configure(const std::string &Models, const std::string &Unknown,
                 bool Interprocedural, uint64_t MaxStackAlloc) {
    if (Configured)
      return;
    Configured = true;
    Opts.MaxStackAlloc = MaxStackAlloc;
    // clang-tidy's own -checks decide which of the checks run.
    Opts.Checks = CheckFilter::everything();
    Opts.Interprocedural = Interprocedural;
    if (Unknown == "escape")
      Opts.Unknown = UnknownCalls::Escape;
    else if (Unknown != "ignore")
      ConfigError = "cxx-escape: invalid value '" + Unknown +
                    "' for option UnknownCalls (expected ignore or escape)";
    if (ConfigError.empty() && !Models.empty())
      Opts.Models = modelsFor(Models, ConfigError);
  }

  const std::vector<Finding> &get(ASTContext &C) {
    if (Ctx == &C)
      return Findings;
    Ctx = &C;
    Findings.clear();
    // Like the command-line driver: an AST with errors would only mislead,
    // and a broken configuration (reported as an error) stops the analysis.
    if (C.getDiagnostics().hasErrorOccurred() || !ConfigError.empty())
      return Findings;
    // The heap-allocation rules cost a second solve: only when enabled.
    std::vector<std::string> Unasked;
    for (const char *Id : {"escape-heap-to-stack", "escape-leak"})
      if (!Requested.count(Id))
        Unasked.push_back(Id);
    Opts.Checks = CheckFilter::everything(Unasked);
    Findings = analyzeTranslationUnit(C, Opts);
    sortAndDedupe(Findings);
    return Findings;
  }
};

std::shared_ptr<TUFindings> sharedFindings() {
  static std::weak_ptr<TUFindings> Current;
  std::shared_ptr<TUFindings> S = Current.lock();
  if (!S) {
    S = std::make_shared<TUFindings>();
    Current = S;
  }
  return S;
}

/// One rule of the engine as a clang-tidy check; the check's name is the
/// rule id.
class EscapeRuleCheck : public clang::tidy::ClangTidyCheck {
public:
  EscapeRuleCheck(StringRef Name, clang::tidy::ClangTidyContext *Context)
      : ClangTidyCheck(Name, Context), Rule(Name.str()),
        FlowNotes(Options.getLocalOrGlobal("FlowNotes", true)),
        HeaderFindings(Options.getLocalOrGlobal("HeaderFindings", true)),
        Models(Options.getLocalOrGlobal("Models", "")),
        UnknownCallsPolicy(Options.getLocalOrGlobal("UnknownCalls", "ignore")),
        Interprocedural(Options.getLocalOrGlobal("Interprocedural", true)),
        MaxStackAlloc(
            Options.getLocalOrGlobal("MaxStackAlloc", uint64_t(64 * 1024))),
        Shared(sharedFindings()) {
    Shared->configure(Models, UnknownCallsPolicy, Interprocedural,
                      MaxStackAlloc);
    Shared->Requested.insert(Rule);
    if (!Shared->ConfigError.empty() && !Shared->ErrorReported) {
      Shared->ErrorReported = true;
      configurationDiag(Shared->ConfigError, DiagnosticIDs::Error);
    }
  }

  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override {
    Options.store(Opts, "FlowNotes", FlowNotes);
    Options.store(Opts, "HeaderFindings", HeaderFindings);
    Options.store(Opts, "Models", Models);
    Options.store(Opts, "UnknownCalls", UnknownCallsPolicy);
    Options.store(Opts, "Interprocedural", Interprocedural);
    Options.store(Opts, "MaxStackAlloc", MaxStackAlloc);
  }

  void registerMatchers(MatchFinder *Finder) override {
    Finder->addMatcher(translationUnitDecl().bind("tu"), this);
  }

  void check(const MatchFinder::MatchResult &Result) override {
    if (!Result.Nodes.getNodeAs<TranslationUnitDecl>("tu"))
      return;
    ASTContext &Ctx = *Result.Context;
    const SourceManager &SM = Ctx.getSourceManager();
    SpotLocator Mapper(SM);
    for (const Finding &F : Shared->get(Ctx)) {
      if (F.Rule != Rule)
        continue;
      SourceLocation Loc = Mapper.locate(F.Where);
      if (!HeaderFindings && (Loc.isInvalid() || !SM.isInMainFile(Loc)))
        continue;
      diag(Loc, "%0") << F.Message;
      if (!FlowNotes)
        continue;
      for (const FindingNote &N : F.Notes)
        diag(Mapper.locate(N.Where), "%0", DiagnosticIDs::Note) << N.Message;
    }
  }

private:
  const std::string Rule;
  const bool FlowNotes;
  const bool HeaderFindings;
  /// Model files, separated by ';' (docs/clang-tidy.md).
  const std::string Models;
  const std::string UnknownCallsPolicy;
  const bool Interprocedural;
  /// escape-heap-to-stack's limit, in bytes.
  const uint64_t MaxStackAlloc;
  std::shared_ptr<TUFindings> Shared;
};

class EscapeModule : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(
      clang::tidy::ClangTidyCheckFactories &CheckFactories) override {
    for (const RuleInfo &R : allRules())
      CheckFactories.registerCheckFactory(
          R.Id, [](StringRef Name, clang::tidy::ClangTidyContext *Context) {
            return std::make_unique<EscapeRuleCheck>(Name, Context);
          });
  }
};

} // namespace
} // namespace cxxescape::tidy

static clang::tidy::ClangTidyModuleRegistry::Add<cxxescape::tidy::EscapeModule>
    X("cxx-escape-module", "Adds the cxx-escape escape-* checks.");
