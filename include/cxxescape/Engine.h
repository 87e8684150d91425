//===- Engine.h - The one entry point every front end calls -----*- C++ -*-===//
//
// Lowering reads one translation unit's AST and produces the Clang-free
// graph; after that the AST can go. A program is the link of such graphs:
// summaries, models and the solver run on it once. The clang-tidy module and
// the plugin analyse one translation unit as a program of one.
//
//===----------------------------------------------------------------------===//
#ifndef CXXESCAPE_ENGINE_H
#define CXXESCAPE_ENGINE_H

#include "cxxescape/Finding.h"
#include "cxxescape/Graph.h"
#include "cxxescape/Lower.h"
#include "cxxescape/Models.h"
#include "cxxescape/Placement.h"
#include "cxxescape/Rules.h"

#include <memory>
#include <vector>

namespace clang {
class ASTContext;
} // namespace clang

namespace cxxescape {

/// What a call with no body, no summary and no model does.
enum class UnknownCalls {
  Ignore, // bug mode's default: optimistic, but counted
  Escape, // Go's rule: every argument escapes
};

struct EngineOptions {
  CheckFilter Checks{"escape-*"};
  /// Null means the built-in models only.
  std::shared_ptr<const ModelSet> Models;
  UnknownCalls Unknown = UnknownCalls::Ignore;
  /// Apply callee summaries, library models and attributes at calls
  /// (docs/design.md, "Interprocedural analysis"); false looks at each
  /// function's own body only.
  bool Interprocedural = true;
  /// Mark each local where Go mode would put it (`moved to heap`) in the
  /// placements, beside the locals that dangle: the HTML report's view.
  /// Costs a second, Go-mode solve of a copy of the program.
  bool GoPlacements = false;
  /// escape-heap-to-stack: the largest heap object that could move to the
  /// stack, in bytes (Go's implicit limit, 64 KiB, by default).
  uint64_t MaxStackAlloc = 64 * 1024;
  /// The graph holds every unit of the program (a run over the whole
  /// compilation database, or `link`): a global that no analysed code
  /// reads is then unread even if other units could name it.
  bool WholeProgram = false;
};

struct ProgramStats {
  unsigned Functions = 0;
  unsigned Calls = 0;
  unsigned CallsBySummary = 0;
  unsigned CallsByModel = 0;
  unsigned CallsUnknown = 0;
  /// Distinct names of unknown callees, sorted.
  std::vector<std::string> UnknownCallees;
};

struct ProgramResult {
  std::vector<Finding> Findings;
  ProgramStats Stats;
  /// Stack or heap for every named local (the HTML report's listing).
  std::vector<LocalPlacement> Placements;
};

/// Lowers one translation unit (its graph names its main file).
Graph lowerUnit(clang::ASTContext &Ctx, const LowerOptions &Opts = {});

/// Links graphs in the order of their main files, so that any grouping of
/// the same units (shards) gives the same program.
Graph linkProgram(std::vector<Graph> Units);

/// Summaries, models, solver and classification over a linked program.
ProgramResult analyzeProgram(Graph &Program, const EngineOptions &Opts);

/// lowerUnit + analyzeProgram: one translation unit as a whole program.
std::vector<Finding> analyzeTranslationUnit(clang::ASTContext &Ctx,
                                            const EngineOptions &Opts);

} // namespace cxxescape

#endif
