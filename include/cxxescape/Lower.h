//===- Lower.h - Clang AST to escape graph ----------------------*- C++ -*-===//
//
// The only part of the engine that reads the Clang AST. It lowers every
// function definition of a translation unit into the Clang-free Graph.
//
//===----------------------------------------------------------------------===//
#ifndef CXXESCAPE_LOWER_H
#define CXXESCAPE_LOWER_H

#include "cxxescape/Graph.h"

namespace clang {
class ASTContext;
} // namespace clang

namespace cxxescape {

struct LowerOptions {
  /// Lower functions declared in system headers too (off: nothing there is
  /// reported, and their bodies only cost time).
  bool IncludeSystemHeaders = false;
  /// Keep the source text of each step in the notes ("return &i"): Go
  /// mode's -m=2 explanations quote it. Off: bug mode's notes do not.
  bool SourceNotes = false;
};

/// Lowers all function bodies of the translation unit into G.
void lowerTranslationUnit(clang::ASTContext &Ctx, Graph &G,
                          const LowerOptions &Opts = {});

} // namespace cxxescape

#endif
