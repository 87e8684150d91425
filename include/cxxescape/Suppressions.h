//===- Suppressions.h - NOLINT comments -------------------------*- C++ -*-===//
//
// clang-tidy's suppression comments, read from the source text of the file a
// finding is in (a header too):
//
//   code; // NOLINT                    every rule, this line
//   code; // NOLINT(escape-return)     the listed rules (comma-separated globs)
//   // NOLINTNEXTLINE(escape-*)        the next line
//   // NOLINTBEGIN(escape-global)      every line up to the matching
//   // NOLINTEND(escape-global)        NOLINTEND with the same check list
//
// '(' must follow the keyword directly ("NOLINT (x)" is a bare NOLINT);
// globs starting with '-' are ignored, as in clang-tidy. Unlike clang-tidy,
// the keyword counts only inside a comment and as a whole word.
//
//===----------------------------------------------------------------------===//
#ifndef CXXESCAPE_SUPPRESSIONS_H
#define CXXESCAPE_SUPPRESSIONS_H

#include "cxxescape/Finding.h"
#include "cxxescape/Fingerprint.h"

#include <map>
#include <string>
#include <vector>

namespace cxxescape {

enum class NolintKind { SameLine, NextLine, Begin, End };

struct NolintDirective {
  NolintKind Kind = NolintKind::SameLine;
  unsigned Line = 0; // 1-based
  unsigned Col = 0;  // 1-based column of the 'N' of NOLINT
  /// False for a bare NOLINT (or one whose '(' is never closed): every rule.
  bool HasChecks = false;
  /// The positive globs of the check list, trimmed.
  std::vector<std::string> Globs;
  /// The check list with blanks removed; NOLINTEND must repeat its
  /// NOLINTBEGIN's list.
  std::string ChecksKey;
  /// As written, e.g. "NOLINTNEXTLINE(escape-return)".
  std::string Spelling;

  bool covers(const std::string &Rule) const;
};

/// The NOLINT directives in the comments of a file, given as its lines.
std::vector<NolintDirective>
findNolintDirectives(const std::vector<std::string> &Lines);

/// A warning about a suppression comment.
struct SuppressionWarning {
  SourceSpot Where;
  std::string Message; // ends with "[escape-...]"
};

/// The suppression comments of every file findings are in, read once.
class Suppressions {
public:
  explicit Suppressions(SourceCache &Sources) : Sources(Sources) {}

  /// True if a comment in F's file covers F's primary location; every such
  /// comment is then marked used.
  bool suppresses(const Finding &F);
  /// Removes the suppressed findings; returns how many.
  size_t filter(std::vector<Finding> &Findings);

  /// NOLINTBEGIN without a matching NOLINTEND and the reverse, in File.
  /// Such a comment suppresses nothing. [escape-nolint]
  std::vector<SuppressionWarning> unmatched(const std::string &File);
  /// Comments of File that have suppressed nothing so far and could
  /// suppress a cxx-escape rule (a NOLINT(bugprone-*) is left alone).
  /// Unmatched BEGIN/END are not included. [escape-unused-suppression]
  std::vector<SuppressionWarning> unused(const std::string &File);

private:
  struct FileInfo {
    std::string Name; // spelling for messages: the first one seen
    std::vector<NolintDirective> Directives;
    std::vector<bool> Used;
    std::vector<std::pair<size_t, size_t>> Blocks; // BEGIN, END indices
    std::vector<size_t> Unmatched;
  };
  FileInfo &info(const std::string &File);

  SourceCache &Sources;
  std::map<std::string, FileInfo> Files; // by canonical path
};

/// File with symlinks, "." and ".." resolved where possible, for comparing
/// two spellings of one file.
std::string canonicalFile(const std::string &File);

} // namespace cxxescape

#endif
