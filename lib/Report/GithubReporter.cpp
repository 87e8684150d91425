//===- GithubReporter.cpp - GitHub Actions workflow annotations -----------===//
//
// The flow steps go into the annotation's message as further lines rather
// than as ::notice commands of their own: GitHub shows a limited number of
// annotations per step, and one finding should cost one of them.
//
//===----------------------------------------------------------------------===//

#include "cxxescape/GithubReporter.h"

#include "cxxescape/Fingerprint.h"

namespace cxxescape {

namespace {

std::string escape(const std::string &S, bool Property) {
  std::string Out;
  for (char C : S) {
    switch (C) {
    case '%':
      Out += "%25";
      break;
    case '\r':
      Out += "%0D";
      break;
    case '\n':
      Out += "%0A";
      break;
    case ':':
      Out += Property ? "%3A" : ":";
      break;
    case ',':
      Out += Property ? "%2C" : ",";
      break;
    default:
      Out += C;
    }
  }
  return Out;
}

const char *command(const std::string &Severity) {
  if (Severity == "error")
    return "error";
  if (Severity == "note")
    return "notice";
  return "warning";
}

} // namespace

std::string escapeGithubData(const std::string &S) { return escape(S, false); }
std::string escapeGithubProperty(const std::string &S) {
  return escape(S, true);
}

void GithubReporter::report(const std::vector<Finding> &Findings) {
  auto Spot = [&](const SourceSpot &S) {
    return relativePath(S.File, Run.SourceRoot) + ":" +
           std::to_string(S.Line) + ":" + std::to_string(S.Col);
  };
  for (const Finding &F : Findings) {
    std::string Msg = F.Message;
    for (const FindingNote &N : F.Notes)
      Msg += "\n" + Spot(N.Where) + ": note: " + N.Message;
    OS << "::" << command(F.Severity)
       << " file=" << escapeGithubProperty(relativePath(F.Where.File,
                                                        Run.SourceRoot))
       << ",line=" << F.Where.Line << ",col=" << F.Where.Col
       << ",title=" << escapeGithubProperty(F.Rule) << "::"
       << escapeGithubData(Msg) << "\n";
  }
  for (const AnalysedFile &T : Run.Files)
    if (!T.Analysed) {
      std::string Rel = relativePath(T.Path, Run.SourceRoot);
      OS << "::error file=" << escapeGithubProperty(Rel)
         << ",title=cxx-escape::"
         << escapeGithubData("'" + Rel +
                             "' failed to compile; it was not analysed")
         << "\n";
    }
}

} // namespace cxxescape
