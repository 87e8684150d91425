//===- SpotLocator.cpp - Findings' positions back to SourceLocations -----===//

#include "cxxescape/SpotLocator.h"

#include "clang/Basic/FileManager.h"

using namespace clang;

namespace cxxescape {

SourceLocation SpotLocator::locate(const SourceSpot &S) {
  if (S.File.empty() || S.Line == 0)
    return {};
  OptionalFileEntryRef FE = file(S.File);
  if (!FE)
    return {};
  return SM.translateFileLineCol(&FE->getFileEntry(), S.Line,
                                 S.Col ? S.Col : 1);
}

OptionalFileEntryRef SpotLocator::file(const std::string &Name) {
  auto It = Files.find(Name);
  if (It != Files.end())
    return It->second;
  OptionalFileEntryRef FE;
  // The main file and headers are named as the compiler opened them.
  for (auto I = SM.fileinfo_begin(), E = SM.fileinfo_end(); I != E && !FE; ++I)
    if (I->first.getName() == Name)
      FE = I->first;
  if (!FE)
    FE = SM.getFileManager().getOptionalFileRef(Name, /*OpenFile=*/false,
                                                 /*CacheFailure=*/false);
  Files[Name] = FE;
  return FE;
}

} // namespace cxxescape
