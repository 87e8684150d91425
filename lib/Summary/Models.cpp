//===- Models.cpp - Loading library models (placeholder) ------------------===//

#include "cxxescape/Models.h"

namespace cxxescape {

bool ModelSet::loadText(const std::string &, const std::string &,
                        std::string &) {
  return true;
}
bool ModelSet::loadFile(const std::string &, std::string &) { return true; }
bool ModelSet::loadBuiltin(std::string &) { return true; }
const ModelEntry *ModelSet::lookup(const std::string &) const {
  return nullptr;
}
FunctionSummary ModelSet::summaryFor(const ModelEntry &E, int) {
  return E.Slots;
}

} // namespace cxxescape
