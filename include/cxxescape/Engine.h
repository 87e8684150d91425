//===- Engine.h - The one entry point every front end calls -----*- C++ -*-===//
#ifndef CXXESCAPE_ENGINE_H
#define CXXESCAPE_ENGINE_H

#include "cxxescape/Finding.h"
#include "cxxescape/Rules.h"

#include <vector>

namespace clang {
class ASTContext;
} // namespace clang

namespace cxxescape {

struct EngineOptions {
  CheckFilter Checks{"escape-*"};
};

/// Lowers, solves and classifies one translation unit (bug mode).
std::vector<Finding> analyzeTranslationUnit(clang::ASTContext &Ctx,
                                            const EngineOptions &Opts);

} // namespace cxxescape

#endif
