//===- JsonReporter.cpp - cxx-escape's own JSON format --------------------===//
//
// docs/formats.md documents every field; keep the two in step.
//
//===----------------------------------------------------------------------===//

#include "cxxescape/JsonReporter.h"

#include "cxxescape/Fingerprint.h"
#include "cxxescape/JsonWriter.h"
#include "cxxescape/Rules.h"

#include <map>

namespace cxxescape {

namespace {

void location(JsonWriter &W, const SourceSpot &S, const std::string &Root) {
  W.beginObject();
  W.field("file", relativePath(S.File, Root));
  W.field("path", S.File);
  W.field("line", S.Line);
  W.field("column", S.Col);
  W.endObject();
}

} // namespace

void JsonReporter::report(const std::vector<Finding> &Findings) {
  SourceCache Sources;
  std::vector<std::string> Prints =
      fingerprints(Findings, Run.SourceRoot, Sources);
  JsonWriter W(OS);
  W.beginObject();
  W.field("format", "cxx-escape");
  W.field("formatVersion", FormatVersion);

  W.key("tool").beginObject();
  W.field("name", Run.ToolName);
  W.field("version", Run.Version);
  W.endObject();

  W.key("run").beginObject();
  W.field("sourceRoot", Run.SourceRoot);
  W.key("commandLine").beginArray();
  for (const std::string &A : Run.CommandLine)
    W.value(A);
  W.endArray();
  W.field("exitCode", Run.ExitCode);
  unsigned Failed = 0;
  W.key("files").beginArray();
  for (const AnalysedFile &F : Run.Files) {
    Failed += !F.Analysed;
    W.beginObject();
    W.field("file", relativePath(F.Path, Run.SourceRoot));
    W.field("path", F.Path);
    W.field("status", F.Analysed ? "analysed" : "failed");
    W.key("seconds").number(F.Seconds, 3);
    W.field("findings", F.Findings);
    W.endObject();
  }
  W.endArray();
  W.key("counts").beginObject();
  W.field("files", Run.Files.size());
  W.field("analysed", Run.Files.size() - Failed);
  W.field("failed", Failed);
  W.field("findings", Findings.size());
  std::map<std::string, size_t> ByRule;
  for (const RuleInfo &R : allRules())
    ByRule[R.Id] = 0;
  for (const Finding &F : Findings)
    ++ByRule[F.Rule];
  W.key("byRule").beginObject();
  for (const auto &[Rule, N] : ByRule)
    W.field(Rule, N);
  W.endObject();
  W.endObject(); // counts
  W.endObject(); // run

  W.key("findings").beginArray();
  for (size_t I = 0; I < Findings.size(); ++I) {
    const Finding &F = Findings[I];
    W.beginObject();
    W.field("rule", F.Rule);
    W.field("severity", F.Severity);
    W.field("message", F.Message);
    W.key("location");
    location(W, F.Where, Run.SourceRoot);
    W.key("flow").beginArray();
    for (const FindingNote &N : F.Notes) {
      W.beginObject();
      W.key("location");
      location(W, N.Where, Run.SourceRoot);
      W.field("message", N.Message);
      W.endObject();
    }
    W.endArray();
    W.key("fixits").beginArray();
    for (const FixIt &Fix : F.Fixes) {
      W.beginObject();
      W.field("description", Fix.Description);
      W.key("replacements").beginArray();
      for (const Replacement &Rep : Fix.Replacements) {
        W.beginObject();
        W.field("file", Rep.File);
        W.field("offset", Rep.Offset);
        W.field("length", Rep.Length);
        W.field("text", Rep.Text);
        W.endObject();
      }
      W.endArray();
      W.endObject();
    }
    W.endArray();
    W.field("fingerprint", Prints[I]);
    W.endObject();
  }
  W.endArray();
  W.endObject();
}

} // namespace cxxescape
