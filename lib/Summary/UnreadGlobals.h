//===- UnreadGlobals.h - Stores no code of the program can see -*- C++ -*-===//
#ifndef CXXESCAPE_SUMMARY_UNREADGLOBALS_H
#define CXXESCAPE_SUMMARY_UNREADGLOBALS_H

#include "cxxescape/Graph.h"

namespace cxxescape {

/// Drops the edges into the sink of every global no function of the linked
/// program reads (Function::ReadsGlobals): an address stored there is never
/// used, so it cannot dangle for the program. Bug mode only: Go moves
/// whatever a global takes to the heap, read or not. Unless WholeProgram,
/// only globals no other unit can name (AttrUnitOnly) are judged.
void dropStoresIntoUnreadGlobals(Graph &G, bool WholeProgram);

} // namespace cxxescape

#endif
