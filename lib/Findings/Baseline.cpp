//===- Baseline.cpp - Findings accepted as they are -----------------------===//

#include "cxxescape/Baseline.h"

#include <nlohmann/json.hpp>

#include <filesystem>

namespace cxxescape {

namespace {

/// The fingerprints of Findings, with each file spelled without "." and
/// ".." so that "src/../src/a.cpp" and "src/a.cpp" agree.
std::vector<std::string> stableFingerprints(const std::vector<Finding> &Findings,
                                            const std::string &SourceRoot,
                                            SourceCache &Sources) {
  std::vector<Finding> Copy;
  Copy.reserve(Findings.size());
  for (const Finding &F : Findings) {
    Finding C;
    C.Rule = F.Rule;
    C.Message = F.Message;
    C.Where = F.Where;
    C.Where.File =
        std::filesystem::path(F.Where.File).lexically_normal().generic_string();
    Copy.push_back(std::move(C));
  }
  return fingerprints(Copy, SourceRoot, Sources);
}

} // namespace

std::vector<BaselineEntry> makeBaseline(const std::vector<Finding> &Findings,
                                        const std::string &SourceRoot,
                                        SourceCache &Sources) {
  std::vector<std::string> FPs =
      stableFingerprints(Findings, SourceRoot, Sources);
  std::vector<BaselineEntry> Out;
  for (size_t I = 0; I < Findings.size(); ++I) {
    const Finding &F = Findings[I];
    Out.push_back({FPs[I], F.Rule,
                   relativePath(std::filesystem::path(F.Where.File)
                                    .lexically_normal()
                                    .generic_string(),
                                SourceRoot),
                   F.Message});
  }
  return Out;
}

std::string baselineToJson(const std::vector<BaselineEntry> &Entries) {
  nlohmann::ordered_json J;
  J["version"] = BaselineVersion;
  J["tool"] = "cxx-escape";
  J["findings"] = nlohmann::ordered_json::array();
  for (const BaselineEntry &E : Entries) {
    nlohmann::ordered_json O;
    O["fingerprint"] = E.Fingerprint;
    O["rule"] = E.Rule;
    O["file"] = E.File;
    O["message"] = E.Message;
    J["findings"].push_back(std::move(O));
  }
  return J.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

bool parseBaseline(const std::string &Text, std::vector<BaselineEntry> &Out,
                   std::string &Error) {
  nlohmann::json J = nlohmann::json::parse(Text, nullptr, /*allow_exceptions=*/false);
  if (J.is_discarded()) {
    // Parse again for the position of the error.
    try {
      (void)nlohmann::json::parse(Text);
      Error = "not valid JSON";
    } catch (const nlohmann::json::parse_error &E) {
      std::string W = E.what();
      size_t At = W.find("parse error");
      Error = "not valid JSON: " + (At == std::string::npos ? W : W.substr(At));
    }
    return false;
  }
  if (!J.is_object()) {
    Error = "expected a JSON object";
    return false;
  }
  auto V = J.find("version");
  if (V == J.end() || !V->is_number_integer()) {
    Error = "missing integer \"version\"";
    return false;
  }
  if (V->get<long long>() != BaselineVersion) {
    Error = "unsupported version " + std::to_string(V->get<long long>()) +
            " (this cxx-escape reads version " +
            std::to_string(BaselineVersion) + ")";
    return false;
  }
  auto Fs = J.find("findings");
  if (Fs == J.end() || !Fs->is_array()) {
    Error = "missing array \"findings\"";
    return false;
  }
  Out.clear();
  size_t Index = 0;
  for (const nlohmann::json &E : *Fs) {
    auto FP = E.is_object() ? E.find("fingerprint") : E.end();
    if (!E.is_object() || FP == E.end() || !FP->is_string() ||
        FP->get<std::string>().empty()) {
      Error = "findings[" + std::to_string(Index) +
              "] has no string \"fingerprint\"";
      return false;
    }
    BaselineEntry B;
    B.Fingerprint = FP->get<std::string>();
    auto Str = [&](const char *Key) {
      auto It = E.find(Key);
      return It != E.end() && It->is_string() ? It->get<std::string>() : "";
    };
    B.Rule = Str("rule");
    B.File = Str("file");
    B.Message = Str("message");
    Out.push_back(std::move(B));
    ++Index;
  }
  return true;
}

size_t filterBaselined(std::vector<Finding> &Findings,
                       const std::set<std::string> &Known,
                       const std::string &SourceRoot, SourceCache &Sources) {
  std::vector<std::string> FPs =
      stableFingerprints(Findings, SourceRoot, Sources);
  std::vector<Finding> Kept;
  for (size_t I = 0; I < Findings.size(); ++I)
    if (!Known.count(FPs[I]))
      Kept.push_back(std::move(Findings[I]));
  size_t Dropped = Findings.size() - Kept.size();
  Findings = std::move(Kept);
  return Dropped;
}

} // namespace cxxescape
