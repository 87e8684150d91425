//===- GoVerdict.h - One line of Go mode's output ---------------*- C++ -*-===//
//
// Plain values between Go mode and the Go reporter.
//
//===----------------------------------------------------------------------===//
#ifndef CXXESCAPE_GOVERDICT_H
#define CXXESCAPE_GOVERDICT_H

#include <cstdint>
#include <string>
#include <vector>

namespace cxxescape {

/// One verdict and, at -m=2, the explanation lines Go prints before it at
/// the same position. Explanation lines are the text after "file:line:col:",
/// leading spaces included (" x escapes to heap:", "   flow: ...").
struct GoVerdict {
  std::string File;
  uint32_t Line = 0;
  uint32_t Col = 0;
  std::string Text; // "moved to heap: x", "leaking param: p", ...
  std::vector<std::string> Explain;
};

} // namespace cxxescape

#endif
