//===- SpotLocator.h - Findings' positions back to SourceLocations -*- C++ -*-===//
//
// Front ends inside clang (the clang-tidy module, the compiler plugin) print
// findings through clang's diagnostics, which want SourceLocations; findings
// carry presumed file/line/column. This maps them back.
//
//===----------------------------------------------------------------------===//
#ifndef CXXESCAPE_SPOTLOCATOR_H
#define CXXESCAPE_SPOTLOCATOR_H

#include "cxxescape/Finding.h"

#include "clang/Basic/SourceLocation.h"
#include "clang/Basic/SourceManager.h"

#include <map>
#include <string>

namespace cxxescape {

class SpotLocator {
public:
  explicit SpotLocator(const clang::SourceManager &SM) : SM(SM) {}

  /// The location of S, or an invalid one if its file is not known (a name
  /// only a #line directive gave).
  clang::SourceLocation locate(const SourceSpot &S);

private:
  clang::OptionalFileEntryRef file(const std::string &Name);

  const clang::SourceManager &SM;
  std::map<std::string, clang::OptionalFileEntryRef> Files;
};

} // namespace cxxescape

#endif
