//===- EscapePlugin.cpp - cxx-escape as a clang compiler plugin -----------===//
//
//   clang++-19 -fplugin=build/lib/CxxEscapeClangPlugin.so -c file.cpp
//   clang++-19 -fplugin=... -fplugin-arg-escape-checks=-*,escape-return ...
//   clang++-19 -fplugin=... -fplugin-arg-escape-werror ...
//
// Runs the engine after parsing, alongside the normal compilation, and
// prints the findings through clang's own diagnostics (so -Xclang -verify
// sees them). NOLINT and NOLINTNEXTLINE comments are honoured as in
// clang-tidy.
//
//===----------------------------------------------------------------------===//

#include "cxxescape/Engine.h"
#include "cxxescape/Finding.h"
#include "cxxescape/Rules.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"

#include <map>

using namespace clang;

namespace cxxescape::plugin {
namespace {

struct PluginOptions {
  std::string Checks = "escape-*";
  bool Werror = false;
  bool FlowNotes = true;
};

SourceLocation mapSpot(const SourceManager &SM, const SourceSpot &S,
                       std::map<std::string, OptionalFileEntryRef> &Files) {
  if (S.File.empty() || S.Line == 0)
    return {};
  auto It = Files.find(S.File);
  if (It == Files.end()) {
    OptionalFileEntryRef FE;
    for (auto I = SM.fileinfo_begin(), E = SM.fileinfo_end(); I != E && !FE;
         ++I)
      if (I->first.getName() == S.File)
        FE = I->first;
    if (!FE)
      FE = SM.getFileManager().getOptionalFileRef(S.File, false, false);
    It = Files.emplace(S.File, FE).first;
  }
  if (!It->second)
    return {};
  return SM.translateFileLineCol(&It->second->getFileEntry(), S.Line,
                                 S.Col ? S.Col : 1);
}

/// clang-tidy's NOLINT and NOLINTNEXTLINE comments, with an optional check
/// list (globs), suppress a finding here too. NOLINTBEGIN/END is not read.
bool lineSuppresses(StringRef Line, StringRef Marker, StringRef Rule) {
  size_t At = 0;
  while ((At = Line.find(Marker, At)) != StringRef::npos) {
    StringRef Rest = Line.substr(At + Marker.size());
    At += Marker.size();
    if (Marker == "NOLINT" &&
        (Rest.starts_with("NEXTLINE") || Rest.starts_with("BEGIN") ||
         Rest.starts_with("END")))
      continue;
    if (!Rest.starts_with("("))
      return true;
    size_t Close = Rest.find(')');
    if (Close == StringRef::npos)
      return true;
    SmallVector<StringRef, 4> Globs;
    Rest.substr(1, Close - 1).split(Globs, ',');
    for (StringRef G : Globs) {
      G = G.trim();
      if (!G.empty() && !G.starts_with("-") && globMatch(G.str(), Rule.str()))
        return true;
    }
  }
  return false;
}

bool isSuppressed(const SourceManager &SM, SourceLocation Loc,
                  StringRef Rule) {
  if (Loc.isInvalid())
    return false;
  auto [FID, Offset] = SM.getDecomposedLoc(SM.getFileLoc(Loc));
  bool Invalid = false;
  StringRef Buf = SM.getBufferData(FID, &Invalid);
  if (Invalid || Offset > Buf.size())
    return false;
  size_t Begin = Buf.rfind('\n', Offset == 0 ? 0 : Offset - 1);
  Begin = (Begin == StringRef::npos || Offset == 0) ? 0 : Begin + 1;
  size_t End = Buf.find('\n', Offset);
  StringRef Line = Buf.slice(Begin, End == StringRef::npos ? Buf.size() : End);
  if (lineSuppresses(Line, "NOLINT", Rule))
    return true;
  if (Begin == 0)
    return false;
  size_t PrevBegin = Buf.rfind('\n', Begin - 1);
  PrevBegin = PrevBegin == StringRef::npos ? 0 : PrevBegin + 1;
  return lineSuppresses(Buf.slice(PrevBegin, Begin - 1), "NOLINTNEXTLINE",
                        Rule);
}

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
    const SourceManager &SM = Ctx.getSourceManager();
    std::map<std::string, OptionalFileEntryRef> Files;
    for (const Finding &F : Findings) {
      SourceLocation Loc = mapSpot(SM, F.Where, Files);
      if (isSuppressed(SM, Loc, F.Rule))
        continue;
      Diags.Report(Loc, WarnID) << F.Message << F.Rule;
      if (!Opts.FlowNotes)
        continue;
      for (const FindingNote &N : F.Notes)
        Diags.Report(mapSpot(SM, N.Where, Files), NoteID) << N.Message;
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
    for (const std::string &A : Args) {
      StringRef Arg(A);
      if (Arg.consume_front("checks=")) {
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
               "  no-notes        omit the flow steps (notes)\n";
      } else {
        D.Report(D.getCustomDiagID(DiagnosticsEngine::Error,
                                   "cxx-escape: unknown plugin argument '%0' "
                                   "(try -fplugin-arg-escape-help)"))
            << A;
        return false;
      }
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
