//===- GraphAccess.h - Graph's private tables, for IR files -----*- C++ -*-===//
//
// Serialization writes and reads Graph's tables wholesale; Graph names this
// struct its friend. Serialize.cpp does the bytes, Validate.cpp checks what
// was read before anything else uses it.
//
//===----------------------------------------------------------------------===//
#ifndef CXXESCAPE_GRAPH_GRAPHACCESS_H
#define CXXESCAPE_GRAPH_GRAPHACCESS_H

#include "cxxescape/Graph.h"

#include <string>

namespace cxxescape {

struct GraphAccess {
  /// The graph's own fields, in file order; a new member is one line here.
  template <class V, class G> static void fields(V &F, G &Gr) {
    F(Gr.MainFile), F(Gr.Files), F(Gr.Locs), F(Gr.Scopes), F(Gr.Funcs),
        F(Gr.Stores), F(Gr.Calls), F(Gr.HeapLoc), F(Gr.NextRead), F(Gr.ReadFns),
        F(Gr.FieldKeys);
  }
  /// FileIndex and FieldIndex are derived from Files and FieldKeys.
  static void rebuildIndex(Graph &G);
  /// Empty if every id of G points into its table and the parent chains of
  /// scopes and functions end; otherwise what is wrong, in a few words.
  /// A new id field needs a line here too.
  static std::string validate(const Graph &G);
};

} // namespace cxxescape

#endif
