//===- FixPreview.cpp - The lines a fix-it rewrites, rewritten ------------===//
//
// Replacements are byte ranges; people read lines. Each line holding the
// start of a replacement is shown with every replacement that starts on it
// applied.
//
//===----------------------------------------------------------------------===//

#include "cxxescape/FixPreview.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>

namespace cxxescape {

std::vector<PreviewLine> previewFix(const FixIt &Fix) {
  std::map<std::string, std::vector<const Replacement *>> ByFile;
  for (const Replacement &R : Fix.Replacements)
    ByFile[R.File].push_back(&R);
  std::vector<PreviewLine> Out;
  for (auto &[File, Rs] : ByFile) {
    std::ifstream In(File, std::ios::binary);
    if (!In)
      return {};
    std::string Text((std::istreambuf_iterator<char>(In)),
                     std::istreambuf_iterator<char>());
    // Pointers into Fix.Replacements: their order is the proposal order.
    std::sort(Rs.begin(), Rs.end(),
              [](const Replacement *A, const Replacement *B) {
                return A->Offset != B->Offset ? A->Offset < B->Offset : A < B;
              });
    size_t I = 0;
    while (I < Rs.size()) {
      if (Rs[I]->Offset + Rs[I]->Length > Text.size())
        return {};
      size_t Begin = Text.rfind('\n', Rs[I]->Offset ? Rs[I]->Offset - 1
                                                    : std::string::npos);
      Begin =
          (Begin == std::string::npos || Rs[I]->Offset == 0) ? 0 : Begin + 1;
      size_t End = Text.find('\n', Rs[I]->Offset);
      if (End == std::string::npos)
        End = Text.size();
      PreviewLine L;
      L.Where.File = File;
      L.Where.Line = 1 + std::count(Text.begin(), Text.begin() + Begin, '\n');
      L.Where.Col = Rs[I]->Offset - Begin + 1;
      // Whole lines inserted before a line (the #include) are shown alone.
      const std::string &Ins = Rs[I]->Text;
      if (Rs[I]->Offset == Begin && Rs[I]->Length == 0 && !Ins.empty() &&
          Ins.back() == '\n') {
        L.Text = Ins.substr(0, Ins.size() - 1);
        Out.push_back(std::move(L));
        ++I;
        continue;
      }
      size_t Pos = Begin;
      // Every replacement starting on this line (an insertion at a line's
      // start belongs to that line).
      for (;
           I < Rs.size() && Rs[I]->Offset <= End && !(Rs[I]->Offset == End + 1);
           ++I) {
        if (Rs[I]->Offset < Pos)
          return {};
        L.Text += Text.substr(Pos, Rs[I]->Offset - Pos) + Rs[I]->Text;
        Pos = Rs[I]->Offset + Rs[I]->Length;
        End = std::max(End, Text.find('\n', Pos) == std::string::npos
                                ? Text.size()
                                : Text.find('\n', Pos));
      }
      L.Text += Text.substr(Pos, End - Pos);
      if (!L.Text.empty() && L.Text.back() == '\n')
        L.Text.pop_back();
      Out.push_back(std::move(L));
    }
  }
  return Out;
}

} // namespace cxxescape
