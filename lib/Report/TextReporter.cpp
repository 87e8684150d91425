//===- TextReporter.cpp - Clang-style text output -------------------------===//

#include "cxxescape/TextReporter.h"
#include "cxxescape/FixPreview.h"

#include <fstream>

namespace cxxescape {

namespace {

// The escape sequences llvm::raw_ostream uses for clang's diagnostics.
const char *const Reset = "\033[0m";
const char *const Bold = "\033[1m";
const char *const BoldMagenta = "\033[0;1;35m";
const char *const BoldRed = "\033[0;1;31m";
const char *const BoldBlack = "\033[0;1;30m";
const char *const BoldGreen = "\033[0;1;32m";

} // namespace

const std::vector<std::string> &
TextReporter::sourceLines(const std::string &File) {
  auto It = Sources.find(File);
  if (It != Sources.end())
    return It->second;
  std::vector<std::string> Lines;
  std::ifstream In(File);
  std::string L;
  while (std::getline(In, L))
    Lines.push_back(L);
  return Sources[File] = std::move(Lines);
}

void TextReporter::line(const SourceSpot &S, const std::string &Kind,
                        const std::string &Msg, bool ShowSource) {
  std::string Pos = S.File + ":" + std::to_string(S.Line) + ":" +
                    std::to_string(S.Col) + ":";
  if (Color) {
    bool IsNote = Kind == "note";
    const char *KindColor = IsNote             ? BoldBlack
                            : Kind == "error" ? BoldRed
                                              : BoldMagenta;
    // Like clang: the message of a warning is bold, that of a note is not.
    OS << Bold << Pos << " " << KindColor << Kind << ":" << Reset << " "
       << (IsNote ? "" : Bold) << Msg << (IsNote ? "" : Reset) << "\n";
  } else {
    OS << Pos << " " << Kind << ": " << Msg << "\n";
  }
  if (!ShowSource)
    return;
  const std::vector<std::string> &Lines = sourceLines(S.File);
  if (S.Line == 0 || S.Line > Lines.size())
    return;
  const std::string &Text = Lines[S.Line - 1];
  OS << Text << "\n";
  std::string Caret;
  for (unsigned I = 0; I + 1 < S.Col && I < Text.size(); ++I)
    Caret += Text[I] == '\t' ? '\t' : ' ';
  if (Color)
    OS << Caret << BoldGreen << "^" << Reset << "\n";
  else
    OS << Caret << "^\n";
}

void TextReporter::report(const std::vector<Finding> &Findings) {
  for (const Finding &F : Findings) {
    line(F.Where, F.Severity, F.Message + " [" + F.Rule + "]");
    for (const FindingNote &N : F.Notes)
      line(N.Where, "note", N.Message);
    for (const FixIt &Fix : F.Fixes)
      fixIt(Fix);
    if (!F.NoFixReason.empty())
      line(F.Where, "note", "no fix-it: " + F.NoFixReason,
           /*ShowSource=*/false);
  }
}

void TextReporter::fixIt(const FixIt &Fix) {
  std::vector<PreviewLine> Lines = previewFix(Fix);
  // The note sits on the declaration, not on the #include it adds.
  SourceSpot At;
  for (const PreviewLine &L : Lines)
    if (At.File.empty() && L.Text.rfind("#include", 0) != 0)
      At = L.Where;
  if (At.File.empty() && !Fix.Replacements.empty())
    At.File = Fix.Replacements.front().File;
  line(At, "note", "fix-it: " + Fix.Description, /*ShowSource=*/false);
  for (const PreviewLine &L : Lines)
    OS << (Color ? BoldGreen : "") << L.Text << (Color ? Reset : "") << "\n";
}

} // namespace cxxescape
