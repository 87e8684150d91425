//===- DiffFilter.h - Only the changed lines --------------------*- C++ -*-===//
//
// Reads a unified diff (git diff, git diff -U0, diff -u, any context size)
// and answers whether a line of the new version of a file was added or
// changed. Only '+' lines count: context lines and pure deletions do not.
//
//===----------------------------------------------------------------------===//
#ifndef CXXESCAPE_DIFFFILTER_H
#define CXXESCAPE_DIFFFILTER_H

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace cxxescape {

/// The added lines of one file of a diff.
struct DiffFile {
  /// The "+++" path as written, unquoted, without the timestamp that
  /// `diff -u` appends; "/dev/null" for a deleted file.
  std::string Path;
  /// Inclusive ranges of added lines, numbered in the new file.
  std::vector<std::pair<unsigned, unsigned>> Added;
};

/// Parses a unified diff. Text before the first file (a commit message,
/// `git diff` extended headers) is skipped. On failure returns false and
/// sets Error to a one-line reason starting with "line N: ".
bool parseUnifiedDiff(const std::string &Text, std::vector<DiffFile> &Out,
                      std::string &Error);

/// The file a diff path names, absolute and normalised: an absolute path is
/// kept; a relative one is taken from SourceRoot, dropping git's "a/" or
/// "b/" prefix unless only the unstripped path exists.
std::string resolveDiffPath(const std::string &Path,
                            const std::string &SourceRoot);

/// The added lines of every file of a diff.
class ChangedLines {
public:
  ChangedLines() = default;
  ChangedLines(const std::vector<DiffFile> &Files,
               const std::string &SourceRoot);
  /// True if Line of File (any spelling) was added or changed.
  bool changed(const std::string &File, unsigned Line) const;

private:
  std::map<std::string, std::vector<std::pair<unsigned, unsigned>>> Files;
};

} // namespace cxxescape

#endif
