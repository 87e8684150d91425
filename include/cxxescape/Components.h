//===- Components.h - Strongly connected components ------------*- C++ -*-===//
#ifndef CXXESCAPE_COMPONENTS_H
#define CXXESCAPE_COMPONENTS_H

#include <cstdint>
#include <vector>

namespace cxxescape {

/// Tarjan's algorithm without recursion (call graphs are deep) over the
/// nodes i with Include[i] (all nodes when Include is empty); Succ[i] lists
/// i's successors. Components come out successors first (callees before
/// their callers), each sorted.
std::vector<std::vector<uint32_t>>
stronglyConnectedComponents(const std::vector<std::vector<uint32_t>> &Succ,
                            const std::vector<uint8_t> &Include = {});

} // namespace cxxescape

#endif
