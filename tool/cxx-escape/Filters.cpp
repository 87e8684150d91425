//===- Filters.cpp - Findings the user asked not to see ------------------===//
//
// Suppression comments, baselines and diff filtering drop findings here,
// after analysis and before any output, in that order. Details and file
// formats: docs/suppressions.md.
//
//===----------------------------------------------------------------------===//

#include "Driver.h"

#include "cxxescape/Baseline.h"
#include "cxxescape/DiffFilter.h"
#include "cxxescape/Fingerprint.h"
#include "cxxescape/Suppressions.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <fstream>
#include <set>

namespace cl = llvm::cl;

namespace cxxescape::driver {

namespace {

cl::opt<bool> ReportUnusedSuppressions(
    "report-unused-suppressions",
    cl::desc("Warn on stderr about NOLINT comments that suppress no finding\n"
             "(does not change the exit status)"),
    cl::cat(ToolCategory), cl::sub(withLink()));
cl::opt<std::string> BaselineFile(
    "baseline",
    cl::desc("Report only findings not recorded in this baseline file"),
    cl::value_desc("file"), cl::cat(ToolCategory), cl::sub(withLink()));
cl::opt<std::string> WriteBaselineFile(
    "write-baseline",
    cl::desc("Record the current findings (after NOLINT comments) in this\n"
             "baseline file and report none of them"),
    cl::value_desc("file"), cl::cat(ToolCategory), cl::sub(withLink()));
cl::opt<std::string> DiffFile(
    "diff",
    cl::desc("Report only findings on lines a unified diff adds or changes\n"
             "(git diff -U0, diff -u; '-' reads standard input)"),
    cl::value_desc("file|-"), cl::cat(ToolCategory), cl::sub(withLink()));

bool readInput(const std::string &Path, const char *What, std::string &Text) {
  auto Buf = Path == "-" ? llvm::MemoryBuffer::getSTDIN()
                         : llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buf) {
    error(std::string("cannot read ") + What + " '" + Path +
          "': " + Buf.getError().message());
    return false;
  }
  Text = (*Buf)->getBuffer().str();
  return true;
}

void printWarning(const SuppressionWarning &W) {
  llvm::errs() << W.Where.File << ":" << W.Where.Line << ":" << W.Where.Col
               << ": warning: " << W.Message << "\n";
}

} // namespace

bool applyFilters(std::vector<Finding> &Findings, RunContext &Ctx) {
  SourceCache Sources;

  // Read every input first: a broken one stops the run before any output.
  std::set<std::string> Baselined;
  if (!BaselineFile.empty()) {
    std::string Text, Why;
    std::vector<BaselineEntry> Entries;
    if (!readInput(BaselineFile, "baseline", Text))
      return false;
    if (!parseBaseline(Text, Entries, Why)) {
      error("malformed baseline '" + BaselineFile + "': " + Why);
      return false;
    }
    for (const BaselineEntry &E : Entries)
      Baselined.insert(E.Fingerprint);
  }
  ChangedLines Changed;
  if (!DiffFile.empty()) {
    std::string Text, Why;
    std::vector<cxxescape::DiffFile> Files;
    if (!readInput(DiffFile, "diff", Text))
      return false;
    if (!parseUnifiedDiff(Text, Files, Why)) {
      error("malformed diff '" + DiffFile + "': " + Why);
      return false;
    }
    Changed = ChangedLines(Files, Ctx.SourceRoot);
  }

  // 1. NOLINT comments. The files whose comments are checked: the main
  // files that were analysed and every file with a finding.
  std::vector<std::string> Checked;
  std::set<std::string> Seen;
  for (const Finding &F : Findings)
    if (Seen.insert(canonicalFile(F.Where.File)).second)
      Checked.push_back(F.Where.File);
  for (const TUResult &T : Ctx.TUs) {
    llvm::SmallString<256> Abs(T.File); // spelled like the findings' files
    llvm::sys::fs::make_absolute(Abs);
    if (T.Analysed && Seen.insert(canonicalFile(std::string(Abs))).second)
      Checked.push_back(std::string(Abs));
  }
  Suppressions Nolint(Sources);
  Nolint.filter(Findings);
  for (const std::string &File : Checked)
    for (const SuppressionWarning &W : Nolint.unmatched(File))
      printWarning(W);
  if (ReportUnusedSuppressions)
    for (const std::string &File : Checked)
      for (const SuppressionWarning &W : Nolint.unused(File))
        printWarning(W);

  // 2. Baselines: record, then drop what is recorded.
  if (!WriteBaselineFile.empty()) {
    std::string Json =
        baselineToJson(makeBaseline(Findings, Ctx.SourceRoot, Sources));
    std::error_code EC;
    llvm::raw_fd_ostream Out(WriteBaselineFile, EC);
    if (!EC) {
      Out << Json;
      Out.close();
      if (Out.has_error())
        EC = Out.error();
    }
    if (EC) {
      error("cannot write baseline '" + WriteBaselineFile +
            "': " + EC.message());
      return false;
    }
    if (!Ctx.Quiet)
      llvm::errs() << "cxx-escape: wrote " << Findings.size()
                   << (Findings.size() == 1 ? " finding" : " findings")
                   << " to baseline '" << WriteBaselineFile << "'\n";
    Findings.clear();
  }
  if (!BaselineFile.empty())
    filterBaselined(Findings, Baselined, Ctx.SourceRoot, Sources);

  // 3. Only the changed lines.
  if (!DiffFile.empty()) {
    std::vector<Finding> Kept;
    for (Finding &F : Findings)
      if (Changed.changed(F.Where.File, F.Where.Line))
        Kept.push_back(std::move(F));
    Findings = std::move(Kept);
  }
  return true;
}

} // namespace cxxescape::driver
