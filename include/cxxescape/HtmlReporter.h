//===- HtmlReporter.h - A static report of where values live ----*- C++ -*-===//
//
// `--format=html -o DIR` writes DIR/index.html (the findings by rule and by
// file) and one page per source file: the listing with every named local
// marked stack or heap-managed, each finding's flow steps drawn at their
// lines, its fix-it or the reason there is none, and, with --sites, what
// each heap-managed local cost at run time. The pages need no server and no
// network: the style and the script are inline.
//
//===----------------------------------------------------------------------===//
#ifndef CXXESCAPE_HTMLREPORTER_H
#define CXXESCAPE_HTMLREPORTER_H

#include "cxxescape/Finding.h"
#include "cxxescape/Placement.h"
#include "cxxescape/RunInfo.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cxxescape {

/// One line of the GC runtime's allocation-site report (docs/gc-runtime.md).
struct SiteCost {
  SourceSpot Where; // the gc::make call
  std::string Function;
  std::string Type;
  uint64_t Objects = 0;
  uint64_t Bytes = 0;
  uint64_t LiveObjects = 0;
  uint64_t LiveBytes = 0;
};

/// Parses the runtime's JSON site report (`GCRT_REPORT=json`). Returns false
/// with Error set (one line) if the text is not such a report.
bool parseSiteReport(const std::string &Text, std::vector<SiteCost> &Sites,
                     std::string &Error);

class HtmlReporter {
public:
  HtmlReporter(std::string Dir, const RunInfo &Run,
               const std::vector<LocalPlacement> &Placements,
               const std::vector<SiteCost> &Sites)
      : Dir(std::move(Dir)), Run(Run), Placements(Placements), Sites(Sites) {}

  /// Writes the pages. Returns false with Error set if a file cannot be
  /// written.
  bool write(const std::vector<Finding> &Findings, std::string &Error);

private:
  std::string Dir;
  const RunInfo &Run;
  const std::vector<LocalPlacement> &Placements;
  const std::vector<SiteCost> &Sites;
};

} // namespace cxxescape

#endif
