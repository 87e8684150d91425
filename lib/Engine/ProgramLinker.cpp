//===- ProgramLinker.cpp - Linking units as they are lowered --------------===//

#include "cxxescape/ProgramLinker.h"

#include <algorithm>
#include <cassert>
#include <numeric>

namespace cxxescape {

ProgramLinker::ProgramLinker(const std::vector<std::string> &Keys)
    : Order(Keys.size()), Waiting(Keys.size()), Arrived(Keys.size(), 0),
      Present(Keys.size(), 0), Files(Keys.size()) {
  std::iota(Order.begin(), Order.end(), size_t(0));
  std::stable_sort(Order.begin(), Order.end(),
                   [&](size_t A, size_t B) { return Keys[A] < Keys[B]; });
}

void ProgramLinker::add(size_t I, std::optional<Graph> G) {
  assert(I < Arrived.size() && !Arrived[I] && "each unit once");
  Arrived[I] = 1;
  if (G) {
    Present[I] = 1;
    Files[I] = G->files();
    Waiting[I] = std::move(G);
  }
  linkReady();
}

void ProgramLinker::linkReady() {
  for (; Next < Order.size() && Arrived[Order[Next]]; ++Next) {
    std::optional<Graph> &U = Waiting[Order[Next]];
    if (U)
      Program.link(std::move(*U));
    U.reset(); // the unit's memory goes back before the next one links
  }
  // Not malloc_trim(0) here: on fmtlib it cut peak RSS by a fifth but
  // added half to the wall time (the next unit faults the pages back in).
}

Graph ProgramLinker::take() {
  assert(Next == Order.size() && "every unit must be added first");
  return std::move(Program);
}

} // namespace cxxescape
