//===- Components.cpp - Strongly connected components ---------------------===//

#include "cxxescape/Components.h"

#include <algorithm>
#include <utility>

namespace cxxescape {

std::vector<std::vector<uint32_t>>
stronglyConnectedComponents(const std::vector<std::vector<uint32_t>> &Succ,
                            const std::vector<uint8_t> &Include) {
  size_t N = Succ.size();
  std::vector<int> Index(N, -1), Low(N, 0);
  std::vector<char> OnStack(N, 0);
  std::vector<uint32_t> Stack;
  std::vector<std::vector<uint32_t>> Result;
  int Counter = 0;
  for (uint32_t Root = 0; Root < N; ++Root) {
    if ((!Include.empty() && !Include[Root]) || Index[Root] >= 0)
      continue;
    std::vector<std::pair<uint32_t, size_t>> Frames{{Root, 0}};
    Index[Root] = Low[Root] = Counter++;
    Stack.push_back(Root);
    OnStack[Root] = 1;
    while (!Frames.empty()) {
      auto &[V, I] = Frames.back();
      if (I < Succ[V].size()) {
        uint32_t W = Succ[V][I++];
        if (Index[W] < 0) {
          Index[W] = Low[W] = Counter++;
          Stack.push_back(W);
          OnStack[W] = 1;
          Frames.push_back({W, 0});
        } else if (OnStack[W]) {
          Low[V] = std::min(Low[V], Index[W]);
        }
        continue;
      }
      uint32_t Done = V;
      Frames.pop_back();
      if (!Frames.empty())
        Low[Frames.back().first] =
            std::min(Low[Frames.back().first], Low[Done]);
      if (Low[Done] != Index[Done])
        continue;
      std::vector<uint32_t> Comp;
      uint32_t W;
      do {
        W = Stack.back();
        Stack.pop_back();
        OnStack[W] = 0;
        Comp.push_back(W);
      } while (W != Done);
      std::sort(Comp.begin(), Comp.end());
      Result.push_back(std::move(Comp));
    }
  }
  return Result;
}

} // namespace cxxescape
