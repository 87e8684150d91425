//===- GithubReporter.h - GitHub Actions workflow annotations ---*- C++ -*-===//
#ifndef CXXESCAPE_GITHUBREPORTER_H
#define CXXESCAPE_GITHUBREPORTER_H

#include "cxxescape/Finding.h"
#include "cxxescape/RunInfo.h"

#include <ostream>
#include <string>
#include <vector>

namespace cxxescape {

/// One `::warning file=...,line=...,col=...,title=<rule>::<message>` line per
/// finding (`::error` / `::notice` for those severities); the flow steps are
/// further lines of the same annotation, and a file that failed to compile
/// is an `::error` annotation.
class GithubReporter {
public:
  GithubReporter(std::ostream &OS, const RunInfo &Run) : OS(OS), Run(Run) {}
  void report(const std::vector<Finding> &Findings);

private:
  std::ostream &OS;
  const RunInfo &Run;
};

/// Workflow-command escaping of a message: % CR LF.
std::string escapeGithubData(const std::string &S);
/// Workflow-command escaping of a property value: % CR LF : ,
std::string escapeGithubProperty(const std::string &S);

} // namespace cxxescape

#endif
