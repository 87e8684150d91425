//===- GoMode.h - Go's -m verdicts for a C++ program ------------*- C++ -*-===//
//
// Go mode answers the question `go build -gcflags=-m` answers: which values
// would be heap-managed under Go's rules. It reads the linked program with
// Go's own choices (a store through a pointer is a heap store, unknown and
// virtual callees leak every argument, loop depth instead of C++ scopes),
// solves the call graph's components callees first, as Go's batches, and
// prints Go's verdict texts at Go's positions. The verdicts are plain values:
// the Go reporter prints them without seeing the graph.
//
//===----------------------------------------------------------------------===//
#ifndef CXXESCAPE_GOMODE_H
#define CXXESCAPE_GOMODE_H

#include "cxxescape/GoVerdict.h"
#include "cxxescape/Graph.h"
#include "cxxescape/Models.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cxxescape {

struct GoModeOptions {
  /// 1 for -m (verdicts), 2 for -m=2 (verdicts and their flows).
  int Level = 1;
  /// Null means the built-in models only.
  std::shared_ptr<const ModelSet> Models;
  /// How a file is named in the explanations' "at FILE:LINE:COL".
  std::function<std::string(const std::string &)> DisplayPath;
  /// Go's MaxImplicitStackVarSize: an allocation larger than this (or an
  /// array new of non-constant size) goes to the heap without asking escape
  /// analysis, "too large for stack".
  uint64_t MaxStackAlloc = 64 * 1024;
};

/// Solves the program under Go's rules. The graph is changed (call edges,
/// attributes): use a graph no other mode reads afterwards. Verdicts come
/// back sorted by position, then text, without duplicates (a template's
/// instantiations share positions).
std::vector<GoVerdict> analyzeProgramGo(Graph &Program,
                                        const GoModeOptions &Opts);

/// The solve of analyzeProgramGo without the verdicts: afterwards a
/// location has AttrEscapes when its address flows where Go would put it on
/// the heap. Null Models means the built-in models only. Go's size rules
/// (too large, non-constant size) apply only when a limit is given: the
/// bug-mode rules ask about flows and judge sizes themselves.
void solveProgramGo(Graph &Program, const ModelSet *Models,
                    std::optional<uint64_t> MaxStackAlloc = std::nullopt);

/// Go's spelling of an allocation site: "new int" becomes "new(int)".
std::string goAllocText(const std::string &LoweredName);

} // namespace cxxescape

#endif
