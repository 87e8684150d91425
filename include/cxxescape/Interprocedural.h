//===- Interprocedural.h - Summaries bottom-up over the call graph -*- C++ -*-//
//
// After linking, every call site is connected to what its callee does with
// its arguments: the callee's computed summary (callees first, recursive
// functions solved together), a library model, the declaration's attributes,
// or the unknown-call policy. Each becomes edges in the caller (Go's
// tagHole), so the ordinary solver and witness search see through calls.
//
//===----------------------------------------------------------------------===//
#ifndef CXXESCAPE_INTERPROCEDURAL_H
#define CXXESCAPE_INTERPROCEDURAL_H

#include "cxxescape/BugMode.h"
#include "cxxescape/Engine.h"
#include "cxxescape/Graph.h"
#include "cxxescape/Models.h"

namespace cxxescape {

/// Computes summaries, applies them (and models) at every call site and
/// resolves stores through pointers (bug mode). Fills the call counts.
/// WholeProgram: G holds every unit (EngineOptions::WholeProgram).
void solveCallsBugMode(Graph &G, const ModelSet &Models, UnknownCalls Policy,
                       ProgramStats &Stats, bool ApplyCalls = true,
                       bool WholeProgram = false);

/// The summary of one function, read from the bug-mode graph after its
/// calls were applied: where each parameter's value goes.
FunctionSummary computeSummary(const Graph &G, FuncId F);

} // namespace cxxescape

#endif
