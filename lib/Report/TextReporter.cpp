//===- TextReporter.cpp - Clang-style text output -------------------------===//

#include "cxxescape/TextReporter.h"

#include <fstream>

namespace cxxescape {

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

void TextReporter::line(const SourceSpot &S, const char *Kind,
                        const std::string &Msg) {
  OS << S.File << ":" << S.Line << ":" << S.Col << ": " << Kind << ": " << Msg
     << "\n";
  const std::vector<std::string> &Lines = sourceLines(S.File);
  if (S.Line == 0 || S.Line > Lines.size())
    return;
  const std::string &Text = Lines[S.Line - 1];
  OS << Text << "\n";
  std::string Caret;
  for (unsigned I = 0; I + 1 < S.Col && I < Text.size(); ++I)
    Caret += Text[I] == '\t' ? '\t' : ' ';
  OS << Caret << "^\n";
}

void TextReporter::report(const std::vector<Finding> &Findings) {
  for (const Finding &F : Findings) {
    line(F.Where, F.Severity.c_str(), F.Message + " [" + F.Rule + "]");
    for (const FindingNote &N : F.Notes)
      line(N.Where, "note", N.Message);
  }
}

} // namespace cxxescape
