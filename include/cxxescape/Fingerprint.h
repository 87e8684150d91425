//===- Fingerprint.h - Line-number-free identities of findings --*- C++ -*-===//
//
// A finding's fingerprint survives code moving up or down: it hashes the
// rule, the file (relative to the source root), the text of the warning's
// line with whitespace collapsed, and the message, plus an occurrence count
// for identical ones in the same file. Changing the escaping line changes it.
// Baselines and SARIF's partialFingerprints both use it.
//
//===----------------------------------------------------------------------===//
#ifndef CXXESCAPE_FINGERPRINT_H
#define CXXESCAPE_FINGERPRINT_H

#include "cxxescape/Finding.h"

#include <map>
#include <string>
#include <vector>

namespace cxxescape {

/// Source files read once and kept as lines.
class SourceCache {
public:
  /// The lines of File (empty if it cannot be read).
  const std::vector<std::string> &lines(const std::string &File);
  /// Line N (1-based) of File, or "" if there is none.
  const std::string &line(const std::string &File, unsigned N);

private:
  std::map<std::string, std::vector<std::string>> Files;
};

/// File relative to Root when it lies below it, else File unchanged;
/// always with '/' separators.
std::string relativePath(const std::string &File, const std::string &Root);

/// One fingerprint per finding, in the same order. Findings must be sorted
/// (sortAndDedupe) so that occurrence counts are stable.
std::vector<std::string> fingerprints(const std::vector<Finding> &Findings,
                                      const std::string &SourceRoot,
                                      SourceCache &Sources);

} // namespace cxxescape

#endif
