//===- Statistics.cpp - Pause times and counters --------------------------===//

#include "Statistics.h"

#include <algorithm>
#include <vector>

namespace gc::rt {

double Statistics::percentileMs(double p) const {
  std::size_t n = std::min<std::uint64_t>(cycles.load(), kRecent);
  if (n == 0)
    return 0;
  std::vector<std::uint64_t> sorted(recentPausesNs, recentPausesNs + n);
  std::sort(sorted.begin(), sorted.end());
  auto rank =
      static_cast<std::size_t>(p / 100.0 * static_cast<double>(n - 1) + 0.5);
  return static_cast<double>(sorted[std::min(rank, n - 1)]) / 1e6;
}

} // namespace gc::rt
