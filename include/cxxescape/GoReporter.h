//===- GoReporter.h - Go's -m output ----------------------------*- C++ -*-===//
#ifndef CXXESCAPE_GOREPORTER_H
#define CXXESCAPE_GOREPORTER_H

#include "cxxescape/GoVerdict.h"

#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace cxxescape {

/// Prints `file:line:col: verdict` lines exactly as `go build -gcflags=-m`
/// does, each preceded by its -m=2 explanation lines (if any) at the same
/// position. Verdicts are printed in the order given (Go mode sorts them).
class GoReporter {
public:
  explicit GoReporter(
      std::ostream &OS,
      std::function<std::string(const std::string &)> DisplayPath = nullptr)
      : OS(OS), DisplayPath(std::move(DisplayPath)) {}
  void report(const std::vector<GoVerdict> &Verdicts);

private:
  std::ostream &OS;
  std::function<std::string(const std::string &)> DisplayPath;
};

} // namespace cxxescape

#endif
