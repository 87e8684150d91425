//===- JsonReporter.h - cxx-escape's own JSON format ------------*- C++ -*-===//
//
// The schema is documented in docs/formats.md; FormatVersion changes when a
// field changes meaning or disappears (new fields do not change it).
//
//===----------------------------------------------------------------------===//
#ifndef CXXESCAPE_JSONREPORTER_H
#define CXXESCAPE_JSONREPORTER_H

#include "cxxescape/Finding.h"
#include "cxxescape/RunInfo.h"

#include <ostream>
#include <vector>

namespace cxxescape {

class JsonReporter {
public:
  static constexpr int FormatVersion = 1;
  JsonReporter(std::ostream &OS, const RunInfo &Run) : OS(OS), Run(Run) {}
  /// Findings sorted (sortAndDedupe).
  void report(const std::vector<Finding> &Findings);

private:
  std::ostream &OS;
  const RunInfo &Run;
};

} // namespace cxxescape

#endif
