//===- GraphBuilder.h - Hand-built escape graphs for tests ------*- C++ -*-===//
//
// Go's test cases translate one-to-one: a function has parameters, locals
// and results at loop depths, and statements become edges.
//
//===----------------------------------------------------------------------===//
#ifndef CXXESCAPE_TEST_GRAPHBUILDER_H
#define CXXESCAPE_TEST_GRAPHBUILDER_H

#include "cxxescape/Graph.h"

#include <string>
#include <vector>

namespace cxxescape::test {

class GraphBuilder {
public:
  explicit GraphBuilder(Graph &G) : G(G) {}

  FuncId func(const std::string &Name, FuncId Parent = NoFunc);
  /// A scope nested in Outer (or the function's body scope).
  ScopeId scope(FuncId F, ScopeId Outer = NoScope, bool Loop = false);
  LocId param(FuncId F, const std::string &Name);
  LocId result(FuncId F, int Index = 1);
  LocId local(FuncId F, const std::string &Name, ScopeId S = NoScope);
  LocId alloc(FuncId F, const std::string &Name, ScopeId S = NoScope);
  LocId global(const std::string &Name);

  /// dst = &src, dst = src, dst = *src ...
  void assign(LocId Dst, LocId Src, int Derefs) {
    G.addEdge(Dst, Src, Derefs, 0, NoStore, {Note{{}, "assign", ""}});
  }

private:
  Graph &G;
};

} // namespace cxxescape::test

#endif
