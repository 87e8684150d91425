//===- SiteReport.cpp - Reading the GC runtime's allocation-site report ---===//
//
// The runtime writes (GCRT_REPORT=json, docs/gc-runtime.md):
//   {"cycles":3,"live_bytes":40,"heap_bytes":131072,"sites":[
//    {"file":"/src/a.cpp","line":17,"column":12,"function":"void f()",
//     "type":"Node","objects":1000,"bytes":32000,"live_objects":1,
//     "live_bytes":32}]}
//
//===----------------------------------------------------------------------===//

#include "cxxescape/HtmlReporter.h"

#include <nlohmann/json.hpp>

namespace cxxescape {

bool parseSiteReport(const std::string &Text, std::vector<SiteCost> &Sites,
                     std::string &Error) {
  using json = nlohmann::json;
  json J = json::parse(Text, nullptr, /*allow_exceptions=*/false);
  if (J.is_discarded() || !J.is_object()) {
    Error = "not JSON: expected the GC runtime's site report "
            "(GCRT_REPORT=json)";
    return false;
  }
  auto It = J.find("sites");
  if (It == J.end() || !It->is_array()) {
    Error = "no \"sites\" array: expected the GC runtime's site report "
            "(GCRT_REPORT=json)";
    return false;
  }
  Sites.clear();
  for (size_t I = 0; I < It->size(); ++I) {
    const json &S = (*It)[I];
    auto Str = [&](const char *K, std::string &Out) {
      auto F = S.find(K);
      if (F == S.end() || !F->is_string())
        return false;
      Out = F->get<std::string>();
      return true;
    };
    auto Num = [&](const char *K, uint64_t &Out) {
      auto F = S.find(K);
      if (F == S.end() || !F->is_number_unsigned())
        return false;
      Out = F->get<uint64_t>();
      return true;
    };
    SiteCost C;
    uint64_t Line = 0, Col = 0;
    if (!S.is_object() || !Str("file", C.Where.File) || !Num("line", Line) ||
        !Num("column", Col) || !Num("objects", C.Objects) ||
        !Num("bytes", C.Bytes) || !Num("live_objects", C.LiveObjects) ||
        !Num("live_bytes", C.LiveBytes)) {
      Error = "site " + std::to_string(I) +
              " lacks file, line, column, objects, bytes, live_objects or "
              "live_bytes";
      return false;
    }
    C.Where.Line = static_cast<unsigned>(Line);
    C.Where.Col = static_cast<unsigned>(Col);
    Str("function", C.Function);
    Str("type", C.Type);
    Sites.push_back(std::move(C));
  }
  return true;
}

} // namespace cxxescape
