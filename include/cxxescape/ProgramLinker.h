//===- ProgramLinker.h - Linking units as they are lowered -----*- C++ -*-===//
//
// Units are linked in the order of their main files, so that any grouping
// of the same units (shards, -j) gives the same program. Holding every unit
// until the last one is lowered costs the sum of their graphs, most of it
// inline and template bodies every unit repeats; linking each unit as soon
// as the units before it have arrived keeps only the program and the few
// units that finished early.
//
//===----------------------------------------------------------------------===//
#ifndef CXXESCAPE_PROGRAMLINKER_H
#define CXXESCAPE_PROGRAMLINKER_H

#include "cxxescape/Graph.h"

#include <optional>
#include <string>
#include <vector>

namespace cxxescape {

class ProgramLinker {
public:
  /// Keys[i] is unit i's main file; units link in key order (stable).
  explicit ProgramLinker(const std::vector<std::string> &Keys);

  /// Unit I is done: its graph, or nothing when it failed. Each unit once;
  /// not thread-safe.
  void add(size_t I, std::optional<Graph> G);

  size_t size() const { return Files.size(); }
  /// Whether unit I brought a graph.
  bool present(size_t I) const { return Present[I] != 0; }
  /// The files unit I's graph named (empty without a graph).
  const std::vector<std::string> &filesOf(size_t I) const { return Files[I]; }

  /// The linked program, once every unit was added.
  Graph take();

private:
  void linkReady();

  std::vector<size_t> Order; // unit indices in link order
  size_t Next = 0;           // position in Order of the next unit to link
  std::vector<std::optional<Graph>> Waiting;
  std::vector<uint8_t> Arrived;
  std::vector<uint8_t> Present;
  std::vector<std::vector<std::string>> Files;
  Graph Program;
};

} // namespace cxxescape

#endif
