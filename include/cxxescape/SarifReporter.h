//===- SarifReporter.h - SARIF 2.1.0 output ---------------------*- C++ -*-===//
#ifndef CXXESCAPE_SARIFREPORTER_H
#define CXXESCAPE_SARIFREPORTER_H

#include "cxxescape/Finding.h"
#include "cxxescape/RunInfo.h"

#include <ostream>
#include <string>
#include <vector>

namespace cxxescape {

/// One SARIF log with one run: the rule registry as tool.driver.rules, one
/// result per finding with codeFlows for its flow, paths relative to the
/// %SRCROOT% base (the source root), columns in UTF-16 code units.
class SarifReporter {
public:
  /// The key of the line-number-free fingerprint in partialFingerprints.
  static constexpr const char *FingerprintKey = "cxxEscape/v1";
  SarifReporter(std::ostream &OS, const RunInfo &Run) : OS(OS), Run(Run) {}
  void report(const std::vector<Finding> &Findings);

private:
  std::ostream &OS;
  const RunInfo &Run;
};

/// Percent-encodes a '/'-separated path for a URI reference (everything
/// but unreserved characters and '/'; ':' too, so that a relative path is
/// never read as a scheme).
std::string sarifPathUri(const std::string &Path);

/// The 1-based UTF-16 column of 1-based byte column ByteCol in Line (as
/// clang counts: bytes; SARIF's default columnKind counts UTF-16 units).
unsigned utf16Column(const std::string &Line, unsigned ByteCol);

} // namespace cxxescape

#endif
