//===- Finding.h - What reporters see ---------------------------*- C++ -*-===//
//
// Plain values: reporters never see the AST or the graph.
//
//===----------------------------------------------------------------------===//
#ifndef CXXESCAPE_FINDING_H
#define CXXESCAPE_FINDING_H

#include <string>
#include <vector>

namespace cxxescape {

struct SourceSpot {
  std::string File;
  unsigned Line = 0;
  unsigned Col = 0;
  friend bool operator<(const SourceSpot &A, const SourceSpot &B) {
    if (A.File != B.File)
      return A.File < B.File;
    if (A.Line != B.Line)
      return A.Line < B.Line;
    return A.Col < B.Col;
  }
  friend bool operator==(const SourceSpot &A, const SourceSpot &B) {
    return A.File == B.File && A.Line == B.Line && A.Col == B.Col;
  }
};

struct FindingNote {
  SourceSpot Where;
  std::string Message;
};

/// One textual edit, in the terms clang-apply-replacements uses: a byte
/// range of a file (as the compiler saw it) and the text that replaces it.
struct Replacement {
  std::string File;
  unsigned Offset = 0;
  unsigned Length = 0;
  std::string Text;
};

/// A suggested rewrite: every replacement applies together or not at all.
struct FixIt {
  std::string Description;
  std::vector<Replacement> Replacements;
};

struct Finding {
  std::string Rule; // escape-return, ...
  std::string Severity = "warning";
  SourceSpot Where;
  std::string Message;
  std::vector<FindingNote> Notes;
  std::vector<FixIt> Fixes;
  /// Why no fix is offered when one might be expected (empty otherwise).
  std::string NoFixReason;
};

/// Sorts by position and drops duplicates (a header seen by many TUs).
void sortAndDedupe(std::vector<Finding> &Findings);

} // namespace cxxescape

#endif
