//===- SarifReporter.cpp - SARIF 2.1.0 output -----------------------------===//
//
// docs/formats.md describes the mapping; lit-tests/formats validates the
// output against the SARIF 2.1.0 schema.
//
//===----------------------------------------------------------------------===//

#include "cxxescape/SarifReporter.h"

#include "cxxescape/Fingerprint.h"
#include "cxxescape/JsonWriter.h"
#include "cxxescape/Rules.h"

#include <cctype>
#include <cstdio>
#include <map>

namespace cxxescape {

// The schema's own id (lit-tests/formats/Inputs/sarif-schema-2.1.0.json).
static const char *const SarifSchemaId =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
    "sarif-schema-2.1.0.json";
static const char *const SrcRoot = "%SRCROOT%";

std::string sarifPathUri(const std::string &Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (std::isalnum(C) || C == '-' || C == '.' || C == '_' || C == '~' ||
        C == '/') {
      Out += static_cast<char>(C);
    } else {
      char Buf[4];
      std::snprintf(Buf, sizeof(Buf), "%%%02X", C);
      Out += Buf;
    }
  }
  return Out;
}

unsigned utf16Column(const std::string &Line, unsigned ByteCol) {
  if (ByteCol == 0)
    return 0;
  size_t Bytes = ByteCol - 1;
  unsigned Units = 0;
  size_t I = 0;
  while (I < Bytes && I < Line.size()) {
    unsigned char C = static_cast<unsigned char>(Line[I]);
    size_t N = C < 0x80             ? 1
               : (C & 0xE0) == 0xC0 ? 2
               : (C & 0xF0) == 0xE0 ? 3
               : (C & 0xF8) == 0xF0 ? 4
                                    : 1;
    Units += N == 4 ? 2 : 1; // astral code points are surrogate pairs
    I += N;
  }
  if (Bytes > I)
    Units += Bytes - I; // past the end of the line: bytes as they are
  return Units + 1;
}

namespace {

std::string ruleName(const std::string &Id) {
  std::string Out;
  bool Upper = true;
  for (char C : Id) {
    if (C == '-') {
      Upper = true;
      continue;
    }
    Out += Upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(C)))
                 : C;
    Upper = false;
  }
  return Out;
}

std::string plainText(const std::string &Markdown) {
  std::string Out;
  for (char C : Markdown)
    if (C != '`')
      Out += C;
  return Out;
}

/// "CWE-825" mentions of a help text, in order, without duplicates.
std::vector<std::string> cwes(const std::string &Help) {
  std::vector<std::string> Out;
  for (size_t P = Help.find("CWE-"); P != std::string::npos;
       P = Help.find("CWE-", P + 4)) {
    size_t E = P + 4;
    while (E < Help.size() && std::isdigit(static_cast<unsigned char>(Help[E])))
      ++E;
    if (E == P + 4)
      continue;
    std::string Tag = "external/cwe/cwe-" + Help.substr(P + 4, E - P - 4);
    bool Seen = false;
    for (const std::string &T : Out)
      Seen |= T == Tag;
    if (!Seen)
      Out.push_back(Tag);
  }
  return Out;
}

std::string level(const std::string &Severity) {
  if (Severity == "error" || Severity == "note")
    return Severity;
  return "warning";
}

std::string shellQuote(const std::string &A) {
  if (!A.empty() && A.find_first_not_of("abcdefghijklmnopqrstuvwxyz"
                                        "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                        "0123456789-_./=:,+@%") ==
                        std::string::npos)
    return A;
  std::string Out = "'";
  for (char C : A)
    Out += C == '\'' ? std::string("'\\''") : std::string(1, C);
  return Out + "'";
}

class Writer {
public:
  Writer(JsonWriter &W, const RunInfo &Run) : W(W), Run(Run) {}

  void artifactLocation(const std::string &File) {
    W.key("artifactLocation").beginObject();
    std::string Rel = relativePath(File, Run.SourceRoot);
    if (Rel != File || (!File.empty() && File[0] != '/')) {
      W.field("uri", sarifPathUri(Rel));
      if (Rel != File)
        W.field("uriBaseId", SrcRoot);
    } else {
      W.field("uri", "file://" + sarifPathUri(File));
    }
    W.endObject();
  }

  /// physicalLocation of S (the members only; the caller opens the object).
  void physicalLocation(const SourceSpot &S) {
    W.key("physicalLocation").beginObject();
    artifactLocation(S.File);
    if (S.Line) {
      W.key("region").beginObject();
      W.field("startLine", S.Line);
      if (S.Col)
        W.field("startColumn",
                utf16Column(Sources.line(S.File, S.Line), S.Col));
      W.endObject();
    }
    W.endObject();
  }

  void message(const std::string &Text, const char *Key = "message") {
    W.key(Key).beginObject();
    W.field("text", Text);
    W.endObject();
  }

  void rules() {
    W.key("rules").beginArray();
    for (const RuleInfo &R : allRules()) {
      std::string Help = R.Help ? R.Help : R.Summary;
      std::string Summary = R.Summary;
      if (!Summary.empty())
        Summary[0] = static_cast<char>(
            std::toupper(static_cast<unsigned char>(Summary[0])));
      W.beginObject();
      W.field("id", R.Id);
      W.field("name", ruleName(R.Id));
      W.key("shortDescription").beginObject();
      W.field("text", Summary + ".");
      W.endObject();
      W.key("fullDescription").beginObject();
      W.field("text", plainText(Help));
      W.endObject();
      W.key("help").beginObject();
      W.field("text", plainText(Help) + "\n\nSee docs/rules/" +
                          std::string(R.Id) +
                          ".md in the cxx-escape sources for examples and "
                          "fixes.");
      W.field("markdown", "**" + std::string(R.Id) + "**: " + Summary +
                              ".\n\n" + Help + "\n\nSee `docs/rules/" +
                              R.Id +
                              ".md` in the cxx-escape sources for examples "
                              "and fixes.");
      W.endObject();
      W.key("defaultConfiguration").beginObject();
      W.field("level", "warning");
      if (!R.DefaultEnabled)
        W.field("enabled", false); // on only when --checks names it
      W.endObject();
      W.key("properties").beginObject();
      W.key("tags").beginArray();
      W.value("correctness");
      W.value("security");
      W.value("memory-safety");
      for (const std::string &T : cwes(Help))
        W.value(T);
      W.endArray();
      W.field("precision", R.Precision);
      W.field("problem.severity", "warning");
      W.endObject();
      W.endObject();
    }
    W.endArray();
  }

  void invocation() {
    W.key("invocations").beginArray();
    W.beginObject();
    std::string Cmd;
    for (const std::string &A : Run.CommandLine)
      Cmd += (Cmd.empty() ? "" : " ") + shellQuote(A);
    W.field("commandLine", Cmd);
    W.key("arguments").beginArray();
    for (size_t I = 1; I < Run.CommandLine.size(); ++I)
      W.value(Run.CommandLine[I]);
    W.endArray();
    bool Failed = Run.ExitCode == 2; // an input could not be read
    for (const AnalysedFile &F : Run.Files)
      Failed |= !F.Analysed;
    W.field("executionSuccessful", !Failed);
    W.field("exitCode", Run.ExitCode);
    W.key("toolExecutionNotifications").beginArray();
    for (const AnalysedFile &F : Run.Files) {
      if (F.Analysed)
        continue;
      W.beginObject();
      W.field("level", "error");
      message("'" + relativePath(F.Path, Run.SourceRoot) +
              "' failed to compile; it was not analysed");
      W.key("locations").beginArray();
      W.beginObject();
      W.key("physicalLocation").beginObject();
      artifactLocation(F.Path);
      W.endObject();
      W.endObject();
      W.endArray();
      W.endObject();
    }
    W.endArray();
    W.endObject();
    W.endArray();
  }

  void threadFlowLocation(const SourceSpot &S, const std::string &Msg,
                          unsigned Index) {
    W.beginObject();
    W.field("executionOrder", Index);
    W.key("location").beginObject();
    physicalLocation(S);
    message(Msg);
    W.endObject();
    W.endObject();
  }

  void result(const Finding &F, const std::string &Fingerprint) {
    W.beginObject();
    W.field("ruleId", F.Rule);
    const std::vector<RuleInfo> &Rules = allRules();
    for (size_t I = 0; I < Rules.size(); ++I)
      if (F.Rule == Rules[I].Id)
        W.field("ruleIndex", I);
    W.field("level", level(F.Severity));
    message(F.Message);
    W.key("locations").beginArray();
    W.beginObject();
    physicalLocation(F.Where);
    W.endObject();
    W.endArray();
    if (!F.Notes.empty()) {
      // The first note is the declaration of the object (or where the
      // temporary is created); the flow is all the notes, then the warning.
      W.key("relatedLocations").beginArray();
      W.beginObject();
      W.field("id", 1);
      physicalLocation(F.Notes.front().Where);
      message(F.Notes.front().Message);
      W.endObject();
      W.endArray();
      W.key("codeFlows").beginArray();
      W.beginObject();
      W.key("threadFlows").beginArray();
      W.beginObject();
      W.key("locations").beginArray();
      unsigned Index = 0;
      for (const FindingNote &N : F.Notes)
        threadFlowLocation(N.Where, N.Message, ++Index);
      threadFlowLocation(F.Where, F.Message, ++Index);
      W.endArray();
      W.endObject();
      W.endArray();
      W.endObject();
      W.endArray();
    }
    W.key("partialFingerprints").beginObject();
    W.field(SarifReporter::FingerprintKey, Fingerprint);
    W.endObject();
    fixes(F);
    W.endObject();
  }

  /// Fix-its as SARIF fixes: byte ranges, one artifactChange per file.
  void fixes(const Finding &F) {
    if (!F.Fixes.empty()) {
      W.key("fixes").beginArray();
      for (const FixIt &Fix : F.Fixes) {
        W.beginObject();
        message(Fix.Description, "description");
        std::map<std::string, std::vector<const Replacement *>> ByFile;
        for (const Replacement &R : Fix.Replacements)
          ByFile[R.File].push_back(&R);
        W.key("artifactChanges").beginArray();
        for (const auto &[File, Rs] : ByFile) {
          W.beginObject();
          artifactLocation(File);
          W.key("replacements").beginArray();
          for (const Replacement *R : Rs) {
            W.beginObject();
            W.key("deletedRegion").beginObject();
            W.field("byteOffset", R->Offset);
            W.field("byteLength", R->Length);
            W.endObject();
            W.key("insertedContent").beginObject();
            W.field("text", R->Text);
            W.endObject();
            W.endObject();
          }
          W.endArray();
          W.endObject();
        }
        W.endArray();
        W.endObject();
      }
      W.endArray();
    }
    if (!F.NoFixReason.empty()) {
      W.key("properties").beginObject();
      W.field("noFixReason", F.NoFixReason);
      W.endObject();
    }
  }

  SourceCache Sources;

private:
  JsonWriter &W;
  const RunInfo &Run;
};

} // namespace

void SarifReporter::report(const std::vector<Finding> &Findings) {
  JsonWriter W(OS);
  Writer S(W, Run);
  std::vector<std::string> Prints =
      fingerprints(Findings, Run.SourceRoot, S.Sources);
  W.beginObject();
  W.field("$schema", SarifSchemaId);
  W.field("version", "2.1.0");
  W.key("runs").beginArray();
  W.beginObject();
  W.key("tool").beginObject();
  W.key("driver").beginObject();
  W.field("name", Run.ToolName);
  W.field("version", Run.Version);
  W.field("semanticVersion", Run.Version);
  S.rules();
  W.endObject();
  W.endObject();
  S.invocation();
  W.key("originalUriBaseIds").beginObject();
  W.key(SrcRoot).beginObject();
  std::string Root = Run.SourceRoot;
  if (Root.empty() || Root.back() != '/')
    Root += '/';
  W.field("uri", "file://" + sarifPathUri(Root));
  W.endObject();
  W.endObject();
  W.field("columnKind", "utf16CodeUnits");
  W.key("results").beginArray();
  for (size_t I = 0; I < Findings.size(); ++I)
    S.result(Findings[I], Prints[I]);
  W.endArray();
  W.endObject();
  W.endArray();
  W.endObject();
}

} // namespace cxxescape
