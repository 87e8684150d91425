//===- Outputs.cpp - Writing the findings ---------------------------------===//
//
// --format selects what goes to standard output (or to -o FILE); --json and
// --sarif write further files in the same run. docs/formats.md describes
// the formats.
//
//===----------------------------------------------------------------------===//

#include "Driver.h"

#include "cxxescape/GithubReporter.h"
#include "cxxescape/HtmlReporter.h"
#include "cxxescape/JsonReporter.h"
#include "cxxescape/RunInfo.h"
#include "cxxescape/SarifReporter.h"
#include "cxxescape/TextReporter.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <unistd.h>

namespace cl = llvm::cl;

namespace cxxescape::driver {

namespace {

enum class Format { Text, Json, Sarif, Github, Html };
const std::vector<std::string> FormatNames = {"text", "json", "sarif", "github",
                                              "html"};
enum class ColorMode { Auto, Always, Never };

// --format and --color are strings checked in emitOutputs: a bad value is
// then a one-line error (exit 2) rather than llvm::cl's generic failure.
cl::opt<std::string> OutputFormat(
    "format",
    cl::desc("What to print on standard output (or in -o FILE): text\n"
             "(clang-style, the default), json (docs/formats.md), sarif\n"
             "(SARIF 2.1.0), github (workflow annotations) or html (a\n"
             "static report written into the directory -o DIR)"),
    cl::value_desc("text|json|sarif|github|html"), cl::init("text"),
    cl::cat(ToolCategory), cl::sub(withLink()));
cl::opt<std::string> OutputFile(
    "o",
    cl::desc("Write the --format output to this file instead of standard "
             "output"),
    cl::value_desc("file"), cl::cat(ToolCategory), cl::sub(withLink()));
cl::opt<std::string> SitesFile(
    "sites",
    cl::desc("Show the GC runtime's allocation-site report (JSON, from\n"
             "GCRT_REPORT=json) in the HTML report: objects and bytes per\n"
             "heap-managed local"),
    cl::value_desc("file.json"), cl::cat(ToolCategory), cl::sub(withLink()));
/// The parsed --sites file (validateOutputOptions reads it up front).
std::vector<SiteCost> Sites;

cl::opt<std::string> JsonFile("json",
                              cl::desc("Also write the JSON output to this "
                                       "file"),
                              cl::value_desc("file"), cl::cat(ToolCategory),
                              cl::sub(withLink()));
cl::opt<std::string> SarifFile("sarif",
                               cl::desc("Also write the SARIF output to this "
                                        "file"),
                               cl::value_desc("file"), cl::cat(ToolCategory),
                               cl::sub(withLink()));
/// LLVM registers a boolean --color of its own (WithColor's) while it parses
/// the command line, which would clash with this tool's: create LLVM's option
/// now, before ours, and take its name away. LLVM's stays unset, which is
/// what it would be anyway.
struct ReleaseLLVMColorOption {
  ReleaseLLVMColorOption() {
    (void)llvm::WithColor(llvm::nulls(), llvm::HighlightColor::String,
                          llvm::ColorMode::Auto)
        .colorsEnabled();
    auto &Opts = cl::getRegisteredOptions();
    auto It = Opts.find("color");
    if (It != Opts.end())
      It->second->removeArgument();
  }
} ReleaseLLVMColor;

cl::opt<std::string> Color(
    "color",
    cl::desc("Colours in the text format: auto (when standard output is a\n"
             "terminal and NO_COLOR is not set; the default), always or never"),
    cl::value_desc("auto|always|never"), cl::init("auto"),
    cl::cat(ToolCategory), cl::sub(withLink()));

/// Value's index in Choices, or an error naming the option and the choices.
bool choice(const std::string &Option, const std::string &Value,
            const std::vector<std::string> &Choices, unsigned &Index) {
  std::string List;
  for (size_t I = 0; I < Choices.size(); ++I) {
    if (Choices[I] == Value) {
      Index = I;
      return true;
    }
    List += (I == 0 ? "" : I + 1 == Choices.size() ? " or " : ", ") +
            Choices[I];
  }
  error("invalid value '" + Value + "' for --" + Option + " (expected " +
        List + ")");
  return false;
}

std::string absolute(const std::string &Path) {
  llvm::SmallString<256> P(Path);
  llvm::sys::fs::make_absolute(P);
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return std::string(P);
}

RunInfo runInfo(const std::vector<Finding> &Findings, const RunContext &Ctx) {
  RunInfo Run;
  Run.Version = Ctx.Version;
  Run.SourceRoot = Ctx.SourceRoot;
  while (Run.SourceRoot.size() > 1 && Run.SourceRoot.back() == '/')
    Run.SourceRoot.pop_back();
  Run.CommandLine = Ctx.CommandLine;
  bool Failed = false;
  for (const TUResult &T : Ctx.TUs) {
    Run.Files.push_back({absolute(T.File), T.Analysed, T.Seconds, T.Findings});
    Failed |= !T.Analysed;
  }
  Run.ExitCode = Ctx.InputError     ? ExitInput
                 : Failed           ? ExitCompile
                 : Findings.empty() ? ExitClean
                                    : ExitFindings;
  return Run;
}

void render(Format F, std::ostream &OS, const std::vector<Finding> &Findings,
            const RunInfo &Run, bool UseColor) {
  switch (F) {
  case Format::Text:
    TextReporter(OS, UseColor).report(Findings);
    break;
  case Format::Json:
    JsonReporter(OS, Run).report(Findings);
    break;
  case Format::Sarif:
    SarifReporter(OS, Run).report(Findings);
    break;
  case Format::Github:
    GithubReporter(OS, Run).report(Findings);
    break;
  case Format::Html: // a directory: emitOutputs writes it
    break;
  }
}

struct Output {
  Format F;
  std::string Path; // empty: standard output
  const char *Option;
};

} // namespace

/// --sites: read and parsed before any work is done.
bool loadSites(bool Html) {
  if (!SitesFile.getNumOccurrences())
    return true;
  if (!Html) {
    error("--sites is shown in the HTML report; add --format=html -o DIR");
    return false;
  }
  if (SitesFile.empty()) {
    error("--sites needs a file name");
    return false;
  }
  std::ifstream In(SitesFile);
  if (!In) {
    error("cannot read the site report '" + SitesFile +
          "': " + std::strerror(errno));
    return false;
  }
  std::stringstream Text;
  Text << In.rdbuf();
  std::string Error;
  if (!parseSiteReport(Text.str(), Sites, Error)) {
    error("malformed site report '" + SitesFile + "': " + Error);
    return false;
  }
  return true;
}

bool validateOutputOptions() {
  unsigned FormatIndex = 0, Ignored = 0;
  if (!choice("format", OutputFormat, FormatNames, FormatIndex) ||
      !choice("color", Color, {"auto", "always", "never"}, Ignored))
    return false;
  bool Html = static_cast<Format>(FormatIndex) == Format::Html;
  if (Html && OutputFile.empty()) {
    error("--format=html writes a directory of pages; give it with -o DIR");
    return false;
  }
  return loadSites(Html) && validateFixOptions();
}

bool htmlRequested() { return OutputFormat == "html"; }

bool emitOutputs(const std::vector<Finding> &Findings, const RunContext &Ctx) {
  unsigned FormatIndex = 0, ColorIndex = 0;
  if (!choice("format", OutputFormat, FormatNames, FormatIndex) ||
      !choice("color", Color, {"auto", "always", "never"}, ColorIndex))
    return false;
  ColorMode Colors = static_cast<ColorMode>(ColorIndex);

  std::vector<Output> Outs;
  Outs.push_back({static_cast<Format>(FormatIndex), OutputFile, "-o"});
  if (JsonFile.getNumOccurrences())
    Outs.push_back({Format::Json, JsonFile, "--json"});
  if (SarifFile.getNumOccurrences())
    Outs.push_back({Format::Sarif, SarifFile, "--sarif"});
  for (size_t I = 0; I < Outs.size(); ++I) {
    if (Outs[I].Path.empty()) {
      if (I == 0 && !OutputFile.getNumOccurrences())
        continue;
      error(std::string(Outs[I].Option) + " needs a file name");
      return false;
    }
    for (size_t J = 0; J < I; ++J)
      if (!Outs[J].Path.empty() &&
          absolute(Outs[J].Path) == absolute(Outs[I].Path)) {
        error("'" + Outs[I].Path + "' is given to both " + Outs[J].Option +
              " and " + Outs[I].Option);
        return false;
      }
  }

  bool UseColor = false;
  if (Colors == ColorMode::Always) {
    UseColor = true;
  } else if (Colors == ColorMode::Auto && OutputFile.empty()) {
    const char *NoColor = std::getenv("NO_COLOR");
    UseColor = ::isatty(STDOUT_FILENO) && !(NoColor && *NoColor);
  }

  RunInfo Run = runInfo(Findings, Ctx);
  // Open every file before writing any, so that a bad path costs nothing.
  // The HTML report is a directory, written last.
  std::vector<std::ofstream> Files(Outs.size());
  for (size_t I = 0; I < Outs.size(); ++I) {
    if (Outs[I].Path.empty() || Outs[I].F == Format::Html)
      continue;
    Files[I].open(Outs[I].Path, std::ios::out | std::ios::trunc);
    if (!Files[I].is_open()) {
      error("cannot write '" + Outs[I].Path + "': " + std::strerror(errno));
      return false;
    }
  }
  bool Ok = true;
  for (size_t I = 0; I < Outs.size(); ++I) {
    if (Outs[I].F == Format::Html) {
      std::string Error;
      if (!HtmlReporter(Outs[I].Path, Run, Ctx.Placements, Sites)
               .write(Findings, Error)) {
        error(Error);
        Ok = false;
      }
      continue;
    }
    if (Outs[I].Path.empty()) {
      render(Outs[I].F, std::cout, Findings, Run, UseColor);
      std::cout.flush();
      continue;
    }
    render(Outs[I].F, Files[I], Findings, Run,
           UseColor && Outs[I].F == Format::Text);
    Files[I].close();
    if (Files[I].fail()) {
      error("cannot write '" + Outs[I].Path + "': " + std::strerror(errno));
      Ok = false;
    }
  }
  return Ok;
}

} // namespace cxxescape::driver
