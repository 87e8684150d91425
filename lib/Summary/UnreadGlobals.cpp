//===- UnreadGlobals.cpp - Stores no code of the program can see ----------===//
//
// A global that no function reads is write-only: re2 sets `hooks::context =
// this` before every match for hooks a user may install, and nothing in the
// program reads it. The address stored there dangles once the object dies,
// but no code of the program can use it, so the store is not an escape.
// Dropping the edges into the global's sinks, before anything is solved,
// removes the store from the findings of the function that makes it and
// from the summaries its callers apply ("this leaks to a global").
//
// Which code is "the program" matters. A global with internal linkage, or a
// static local, can only be read in its own unit, so it is judged in any
// run. One other units can name is judged only when the run holds the whole
// program (every unit of the compilation database, or `link`): clang-tidy
// sees one file, and a read in a file not analysed would otherwise be
// missed. A global read only by code outside the program (a library's
// users) looks unread even then: bug mode is optimistic about code it does
// not see.
//
//===----------------------------------------------------------------------===//

#include "UnreadGlobals.h"

#include <vector>

namespace cxxescape {

void dropStoresIntoUnreadGlobals(Graph &G, bool WholeProgram) {
  // Ids of globals are ids of the field table, shared by every unit.
  std::vector<uint8_t> Read(G.numFields() + 1, 0);
  for (FuncId F = 0; F < G.numFuncs(); ++F)
    for (uint32_t Id : G.func(F).ReadsGlobals)
      Read[Id] = 1;
  for (LocId I = 0; I < G.numLocs(); ++I) {
    Location &L = G.loc(I);
    // Sinks a summary or a model names carry no id: they stay.
    if (L.Kind != LocKind::Sink || L.Sink != SinkKind::Global || !L.Global ||
        Read[L.Global])
      continue;
    // A global other units can name may be read by a unit not analysed
    // (clang-tidy sees one file, a run may be given some files only).
    if (!WholeProgram && !L.has(AttrUnitOnly))
      continue;
    L.In.clear();
  }
}

} // namespace cxxescape
