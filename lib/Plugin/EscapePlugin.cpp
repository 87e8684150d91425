//===- EscapePlugin.cpp - cxx-escape as a clang compiler plugin -----------===//
//
//   clang++-19 -fplugin=build/lib/CxxEscapeClangPlugin.so -c file.cpp
//   clang++-19 -fplugin=... -fplugin-arg-escape-checks=-*,escape-return ...
//   clang++-19 -fplugin=... -fplugin-arg-escape-werror ...
//   clang++-19 -fplugin=... -fplugin-arg-escape-models=my-models.json ...
//   clang++-19 -fplugin=... -fplugin-arg-escape-unknown-calls=escape ...
//
// Runs the engine after parsing, alongside the normal compilation, and
// prints the findings through clang's own diagnostics (so -Xclang -verify
// sees them). NOLINT comments (NOLINT, NOLINTNEXTLINE, NOLINTBEGIN/END)
// are honoured as by the command-line driver.
//
//===----------------------------------------------------------------------===//

#include "cxxescape/Engine.h"
#include "cxxescape/Finding.h"
#include "cxxescape/Rules.h"
#include "cxxescape/SpotLocator.h"
#include "cxxescape/Suppressions.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"


using namespace clang;

namespace cxxescape::plugin {
namespace {

struct PluginOptions {
  std::string Checks = "escape-*";
  bool Werror = false;
  bool FlowNotes = true;
  UnknownCalls Unknown = UnknownCalls::Ignore;
  bool Interprocedural = true;
  uint64_t MaxStackAlloc = 64 * 1024;
  /// Null: the built-in models.
  std::shared_ptr<const ModelSet> Models;
};

class EscapeConsumer : public ASTConsumer {
public:
  EscapeConsumer(CompilerInstance &CI, PluginOptions Opts)
      : CI(CI), Opts(std::move(Opts)) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    DiagnosticsEngine &Diags = CI.getDiagnostics();
    if (Diags.hasErrorOccurred())
      return; // like the command-line driver
    EngineOptions EO;
    EO.Checks = CheckFilter(Opts.Checks);
    EO.Models = Opts.Models;
    EO.Unknown = Opts.Unknown;
    EO.MaxStackAlloc = Opts.MaxStackAlloc;
    EO.Interprocedural = Opts.Interprocedural;
    std::vector<Finding> Findings = analyzeTranslationUnit(Ctx, EO);
    sortAndDedupe(Findings);
    if (Findings.empty())
      return;
    // Custom diagnostics keep the level they are created with: -w and
    // -Werror do not change them, the werror plugin argument does.
    unsigned WarnID = Diags.getCustomDiagID(
        Opts.Werror ? DiagnosticsEngine::Error : DiagnosticsEngine::Warning,
        "%0 [%1]");
    unsigned NoteID = Diags.getCustomDiagID(DiagnosticsEngine::Note, "%0");
    // NOLINT comments, as the command-line driver reads them.
    SourceCache Sources;
    Suppressions Nolint(Sources);
    Nolint.filter(Findings);
    SpotLocator Locator(Ctx.getSourceManager());
    for (const Finding &F : Findings) {
      Diags.Report(Locator.locate(F.Where), WarnID) << F.Message << F.Rule;
      if (!Opts.FlowNotes)
        continue;
      for (const FindingNote &N : F.Notes)
        Diags.Report(Locator.locate(N.Where), NoteID) << N.Message;
    }
  }

private:
  CompilerInstance &CI;
  PluginOptions Opts;
};

class EscapeAction : public PluginASTAction {
public:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef) override {
    return std::make_unique<EscapeConsumer>(CI, Opts);
  }

  // -fplugin-arg-escape-<arg> arrives here as "<arg>".
  bool ParseArgs(const CompilerInstance &CI,
                 const std::vector<std::string> &Args) override {
    DiagnosticsEngine &D = CI.getDiagnostics();
    auto Fail = [&](const std::string &Msg) {
      D.Report(D.getCustomDiagID(DiagnosticsEngine::Error, "cxx-escape: %0"))
          << Msg;
      return false;
    };
    std::vector<std::string> ModelFiles;
    for (const std::string &A : Args) {
      StringRef Arg(A);
      if (Arg.consume_front("models=")) {
        ModelFiles.push_back(Arg.str());
      } else if (Arg == "interprocedural") {
        Opts.Interprocedural = true;
      } else if (Arg == "no-interprocedural") {
        Opts.Interprocedural = false;
      } else if (Arg.consume_front("unknown-calls=")) {
        if (Arg != "ignore" && Arg != "escape")
          return Fail("invalid value '" + Arg.str() +
                      "' for unknown-calls (expected ignore or escape)");
        Opts.Unknown =
            Arg == "escape" ? UnknownCalls::Escape : UnknownCalls::Ignore;
      } else if (Arg.consume_front("max-stack-alloc=")) {
        unsigned long long Bytes = 0;
        if (Arg.getAsInteger(10, Bytes))
          return Fail("invalid value '" + Arg.str() +
                      "' for max-stack-alloc (expected a number of bytes)");
        Opts.MaxStackAlloc = Bytes;
      } else if (Arg.consume_front("checks=")) {
        Opts.Checks = Arg.str();
        for (const std::string &G : CheckFilter(Opts.Checks).unmatchedGlobs())
          D.Report(D.getCustomDiagID(DiagnosticsEngine::Warning,
                                     "cxx-escape: check glob '%0' matches no "
                                     "rule"))
              << G;
      } else if (Arg == "werror") {
        Opts.Werror = true;
      } else if (Arg == "no-notes") {
        Opts.FlowNotes = false;
      } else if (Arg == "help") {
        llvm::errs()
            << "cxx-escape plugin arguments (-fplugin-arg-escape-<arg>):\n"
               "  checks=<globs>  rules to run, e.g. -*,escape-return\n"
               "  werror          report findings as errors\n"
               "  no-notes        omit the flow steps (notes)\n"
               "  models=<file>   library models to add (repeatable)\n"
               "  no-interprocedural\n"
               "                  look at each function's own body only\n"
               "  unknown-calls=ignore|escape\n"
               "                  calls with no body, summary or model: do\n"
               "                  their arguments escape? (default ignore)\n"
               "  max-stack-alloc=<bytes>\n"
               "                  escape-heap-to-stack's limit (default "
               "65536)\n";
      } else {
        D.Report(D.getCustomDiagID(DiagnosticsEngine::Error,
                                   "cxx-escape: unknown plugin argument '%0' "
                                   "(try -fplugin-arg-escape-help)"))
            << A;
        return false;
      }
    }
    // Read once, before parsing: a malformed file fails the compilation.
    if (!ModelFiles.empty()) {
      auto Set = std::make_shared<ModelSet>();
      std::string Why;
      if (!Set->loadBuiltin(Why))
        return Fail(Why);
      for (const std::string &F : ModelFiles)
        if (!Set->loadFile(F, Why))
          return Fail(Why);
      Opts.Models = std::move(Set);
    }
    return true;
  }

  ActionType getActionType() override { return AddBeforeMainAction; }

private:
  PluginOptions Opts;
};

} // namespace
} // namespace cxxescape::plugin

static FrontendPluginRegistry::Add<cxxescape::plugin::EscapeAction>
    X("escape", "cxx-escape: report addresses of stack objects that escape");
