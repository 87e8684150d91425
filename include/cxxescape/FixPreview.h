//===- FixPreview.h - The lines a fix-it rewrites, rewritten ----*- C++ -*-===//
#ifndef CXXESCAPE_FIXPREVIEW_H
#define CXXESCAPE_FIXPREVIEW_H

#include "cxxescape/Finding.h"

#include <string>
#include <vector>

namespace cxxescape {

/// One source line a fix-it touches, as it reads after the fix-it (it may
/// span several lines when the fix-it inserts line breaks).
struct PreviewLine {
  SourceSpot Where; // the line (column of the first replacement on it)
  std::string Text;
};

/// The lines Fix changes, in file order, read from the files on disk; the
/// `#include` it adds comes first. Empty if a file cannot be read or does
/// not match the offsets any more.
std::vector<PreviewLine> previewFix(const FixIt &Fix);

} // namespace cxxescape

#endif
