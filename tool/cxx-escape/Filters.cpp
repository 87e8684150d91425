//===- Filters.cpp - Findings the user asked not to see ------------------===//
//
// Suppression comments, baselines and diff filtering drop findings here,
// after analysis and before any output.
//
//===----------------------------------------------------------------------===//

#include "Driver.h"

namespace cxxescape::driver {

bool applyFilters(std::vector<Finding> &Findings, RunContext &Ctx) {
  (void)Findings;
  (void)Ctx;
  return true;
}

} // namespace cxxescape::driver
