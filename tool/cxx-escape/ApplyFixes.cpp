//===- ApplyFixes.cpp - --fix and --export-fixes --------------------------===//
//
// The fix-its of the reported findings, merged: a replacement that several
// findings (or several translation units seeing one header) propose is made
// once; a fix-it overlapping one already taken is dropped whole, with a
// warning, because its replacements only make sense together. --fix writes
// the files; --export-fixes writes the same edits as the YAML that
// clang-apply-replacements applies (clang-tidy's format).
//
//===----------------------------------------------------------------------===//

#include "Driver.h"

#include "clang/Tooling/Core/Diagnostic.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/YAMLTraits.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace cl = llvm::cl;

namespace cxxescape::driver {

namespace {

cl::opt<bool> FixOption(
    "fix",
    cl::desc("Apply the findings' fix-its to the source files: escaping\n"
             "locals move to the GC runtime's heap (docs/heapify.md)"),
    cl::cat(ToolCategory), cl::sub(withLink()));
cl::opt<std::string>
    ExportFixes("export-fixes",
                cl::desc("Write the fix-its to this YAML file, in the format\n"
                         "clang-apply-replacements applies"),
                cl::value_desc("file"), cl::cat(ToolCategory),
                cl::sub(withLink()));

using Key = std::tuple<std::string, unsigned, unsigned, std::string>;

Key keyOf(const Replacement &R) { return {R.File, R.Offset, R.Length, R.Text}; }

bool overlaps(const Replacement &A, const Replacement &B) {
  if (A.File != B.File)
    return false;
  // Two insertions at one offset, or an insertion at a range's edge, do not
  // overlap; any shared byte does.
  return A.Offset < B.Offset + B.Length && B.Offset < A.Offset + A.Length;
}

/// The replacements each finding contributes after merging: its first
/// fix-it's, minus those an earlier finding already made; empty for a
/// finding without a fix-it or whose fix-it conflicts with an earlier one.
std::vector<std::vector<Replacement>>
mergeFixes(const std::vector<Finding> &Findings) {
  std::vector<std::vector<Replacement>> Out(Findings.size());
  std::set<Key> Taken;
  std::vector<Replacement> All;
  for (size_t I = 0; I < Findings.size(); ++I) {
    const Finding &F = Findings[I];
    if (F.Fixes.empty())
      continue;
    const FixIt &Fix = F.Fixes.front();
    bool Conflict = false;
    for (const Replacement &R : Fix.Replacements) {
      if (Taken.count(keyOf(R)))
        continue;
      for (const Replacement &T : All)
        Conflict |= overlaps(R, T);
    }
    if (Conflict) {
      warning(F.Where.File + ":" + std::to_string(F.Where.Line) + ": fix-it '" +
              Fix.Description + "' overlaps another fix-it; not applied");
      continue;
    }
    for (const Replacement &R : Fix.Replacements)
      if (Taken.insert(keyOf(R)).second) {
        All.push_back(R);
        Out[I].push_back(R);
      }
  }
  return Out;
}

/// Applies the replacements to one file. Insertions at one offset keep the
/// order in which they were proposed.
bool applyToFile(const std::string &File, std::vector<Replacement> Rs) {
  auto Buffer = llvm::MemoryBuffer::getFile(File);
  if (!Buffer) {
    error("cannot read '" + File +
          "' to apply fix-its: " + Buffer.getError().message());
    return false;
  }
  llvm::StringRef Text = (*Buffer)->getBuffer();
  std::vector<size_t> Order(Rs.size());
  for (size_t I = 0; I < Order.size(); ++I)
    Order[I] = I;
  std::sort(Order.begin(), Order.end(), [&](size_t A, size_t B) {
    return std::tie(Rs[A].Offset, A) < std::tie(Rs[B].Offset, B);
  });
  std::string Out;
  size_t Pos = 0;
  for (size_t I : Order) {
    const Replacement &R = Rs[I];
    if (R.Offset < Pos || R.Offset + R.Length > Text.size()) {
      error("'" + File +
            "' changed since it was analysed; no fix-it "
            "applied to it");
      return false;
    }
    Out += Text.slice(Pos, R.Offset);
    Out += R.Text;
    Pos = R.Offset + R.Length;
  }
  Out += Text.substr(Pos);
  std::error_code EC;
  llvm::raw_fd_ostream OS(File, EC);
  if (EC) {
    error("cannot write '" + File + "': " + EC.message());
    return false;
  }
  OS << Out;
  return true;
}

unsigned offsetOf(const std::string &File, unsigned Line, unsigned Col,
                  std::map<std::string, std::vector<unsigned>> &Lines) {
  auto [It, New] = Lines.try_emplace(File);
  if (New) {
    It->second.push_back(0);
    if (auto Buffer = llvm::MemoryBuffer::getFile(File)) {
      llvm::StringRef T = (*Buffer)->getBuffer();
      for (size_t I = 0; I < T.size(); ++I)
        if (T[I] == '\n')
          It->second.push_back(static_cast<unsigned>(I + 1));
    }
  }
  if (Line == 0 || Line > It->second.size())
    return 0;
  return It->second[Line - 1] + (Col ? Col - 1 : 0);
}

bool exportFixes(const std::vector<Finding> &Findings,
                 const std::vector<std::vector<Replacement>> &Merged) {
  clang::tooling::TranslationUnitDiagnostics TU;
  std::map<std::string, std::vector<unsigned>> Lines;
  for (size_t I = 0; I < Findings.size(); ++I) {
    const Finding &F = Findings[I];
    clang::tooling::DiagnosticMessage Msg(F.Message);
    Msg.FilePath = F.Where.File;
    Msg.FileOffset = offsetOf(F.Where.File, F.Where.Line, F.Where.Col, Lines);
    for (const Replacement &R : Merged[I]) {
      clang::tooling::Replacement TR(R.File, R.Offset, R.Length, R.Text);
      // Merged replacements never overlap; insertions at one offset are
      // kept in order by Replacements::add.
      if (llvm::Error E = Msg.Fix[R.File].add(TR)) {
        llvm::consumeError(std::move(E));
        warning("fix-it of " + F.Where.File + ":" +
                std::to_string(F.Where.Line) + " not exported");
      }
    }
    llvm::SmallVector<clang::tooling::DiagnosticMessage, 1> Notes;
    for (const FindingNote &N : F.Notes) {
      clang::tooling::DiagnosticMessage NM(N.Message);
      NM.FilePath = N.Where.File;
      NM.FileOffset = offsetOf(N.Where.File, N.Where.Line, N.Where.Col, Lines);
      Notes.push_back(std::move(NM));
    }
    if (!F.NoFixReason.empty()) {
      clang::tooling::DiagnosticMessage NM("no fix-it: " + F.NoFixReason);
      NM.FilePath = F.Where.File;
      NM.FileOffset = Msg.FileOffset;
      Notes.push_back(std::move(NM));
    }
    TU.Diagnostics.emplace_back(F.Rule, Msg, Notes,
                                F.Severity == "error"
                                    ? clang::tooling::Diagnostic::Error
                                    : clang::tooling::Diagnostic::Warning,
                                "");
  }
  std::error_code EC;
  llvm::raw_fd_ostream OS(ExportFixes, EC, llvm::sys::fs::OF_Text);
  if (EC) {
    error("cannot write '" + ExportFixes + "': " + EC.message());
    return false;
  }
  llvm::yaml::Output YAML(OS);
  YAML << TU;
  return true;
}

} // namespace

bool validateFixOptions() {
  if (ExportFixes.getNumOccurrences() && ExportFixes.empty()) {
    error("--export-fixes needs a file name");
    return false;
  }
  return true;
}

bool applyOrExportFixes(const std::vector<Finding> &Findings,
                        const RunContext &Ctx) {
  if (!FixOption && !ExportFixes.getNumOccurrences())
    return true;
  std::vector<std::vector<Replacement>> Merged = mergeFixes(Findings);
  if (ExportFixes.getNumOccurrences() && !exportFixes(Findings, Merged))
    return false;
  if (!FixOption)
    return true;
  std::map<std::string, std::vector<Replacement>> ByFile;
  size_t Fixes = 0;
  for (const std::vector<Replacement> &Rs : Merged) {
    Fixes += !Rs.empty();
    for (const Replacement &R : Rs)
      ByFile[R.File].push_back(R);
  }
  bool Ok = true;
  for (auto &[File, Rs] : ByFile)
    Ok &= applyToFile(File, std::move(Rs));
  if (!Ctx.Quiet)
    llvm::errs() << "cxx-escape: applied " << Fixes << " fix-it"
                 << (Fixes == 1 ? "" : "s") << " in " << ByFile.size()
                 << " file" << (ByFile.size() == 1 ? "" : "s") << "\n";
  return Ok;
}

} // namespace cxxescape::driver
