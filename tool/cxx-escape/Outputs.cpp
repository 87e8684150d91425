//===- Outputs.cpp - Writing the findings ---------------------------------===//

#include "Driver.h"

#include "cxxescape/TextReporter.h"

#include <iostream>

namespace cxxescape::driver {

bool emitOutputs(const std::vector<Finding> &Findings, const RunContext &Ctx) {
  (void)Ctx;
  TextReporter Reporter(std::cout);
  Reporter.report(Findings);
  std::cout.flush();
  return true;
}

} // namespace cxxescape::driver
