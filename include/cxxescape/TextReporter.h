//===- TextReporter.h - Clang-style text output -----------------*- C++ -*-===//
#ifndef CXXESCAPE_TEXTREPORTER_H
#define CXXESCAPE_TEXTREPORTER_H

#include "cxxescape/Finding.h"

#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace cxxescape {

/// Prints `file:line:col: warning: message [rule]` with the source line and a
/// caret, then one `note:` per flow step, like clang. With Color, the same
/// ANSI colours as clang: the position bold, `warning:` bold magenta,
/// `error:` bold red, `note:` bold black, the warning's message bold, the
/// caret bold green. A fix-it is a note followed by the lines it rewrites,
/// as they read after it; a refused one is a note that says why.
class TextReporter {
public:
  explicit TextReporter(std::ostream &OS, bool Color = false)
      : OS(OS), Color(Color) {}
  void report(const std::vector<Finding> &Findings);

private:
  void line(const SourceSpot &S, const std::string &Kind,
            const std::string &Msg, bool ShowSource = true);
  void fixIt(const FixIt &Fix);
  const std::vector<std::string> &sourceLines(const std::string &File);

  std::ostream &OS;
  bool Color;
  std::map<std::string, std::vector<std::string>> Sources;
};

} // namespace cxxescape

#endif
