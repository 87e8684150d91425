//===- Baseline.h - Findings accepted as they are ---------------*- C++ -*-===//
//
// A baseline records the findings of one run by their line-number-free
// fingerprints (Fingerprint.h), so that later runs report only new ones:
//
//   {
//     "version": 1,
//     "tool": "cxx-escape",
//     "findings": [
//       { "fingerprint": "8c3f0e2a91b4d7c5:1", "rule": "escape-return",
//         "file": "src/a.cpp", "message": "address of local ..." }
//     ]
//   }
//
// Only "fingerprint" is the identity; rule, file and message are for the
// reader. The ":N" occurrence count keeps identical findings apart, so a
// second copy of a baselined finding is new.
//
//===----------------------------------------------------------------------===//
#ifndef CXXESCAPE_BASELINE_H
#define CXXESCAPE_BASELINE_H

#include "cxxescape/Finding.h"
#include "cxxescape/Fingerprint.h"

#include <set>
#include <string>
#include <vector>

namespace cxxescape {

constexpr int BaselineVersion = 1;

struct BaselineEntry {
  std::string Fingerprint;
  std::string Rule;
  std::string File; // relative to the source root
  std::string Message;
};

/// One entry per finding, in order. Findings must be sorted.
std::vector<BaselineEntry> makeBaseline(const std::vector<Finding> &Findings,
                                        const std::string &SourceRoot,
                                        SourceCache &Sources);

/// The baseline file's text (JSON, ends with a newline).
std::string baselineToJson(const std::vector<BaselineEntry> &Entries);

/// Parses a baseline file. On failure returns false and sets Error to a
/// one-line reason.
bool parseBaseline(const std::string &Text, std::vector<BaselineEntry> &Out,
                   std::string &Error);

/// Removes the findings whose fingerprint is in Known; returns how many.
/// Findings must be sorted.
size_t filterBaselined(std::vector<Finding> &Findings,
                       const std::set<std::string> &Known,
                       const std::string &SourceRoot, SourceCache &Sources);

} // namespace cxxescape

#endif
