//===- HtmlReporter.cpp - A static report of where values live ------------===//
//
// DIR/index.html: counts, the findings by rule and by file, the allocation
// sites. DIR/files/N.html: one source file, line by line, each named local
// marked stack or heap, each finding's box after its line (message, flow,
// fix-it or refusal) and its flow steps drawn at their lines by the inline
// script. Everything a page needs is in the page.
//
//===----------------------------------------------------------------------===//

#include "cxxescape/HtmlReporter.h"

#include "HtmlAssets.h"

#include "cxxescape/Fingerprint.h"
#include "cxxescape/FixPreview.h"
#include "cxxescape/JsonWriter.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <sys/stat.h>

namespace cxxescape {

namespace {

std::string escape(const std::string &S) {
  std::string Out;
  for (char C : S) {
    switch (C) {
    case '&':
      Out += "&amp;";
      break;
    case '<':
      Out += "&lt;";
      break;
    case '>':
      Out += "&gt;";
      break;
    case '"':
      Out += "&quot;";
      break;
    case '\'':
      Out += "&#39;";
      break;
    default:
      Out += C;
    }
  }
  return Out;
}

std::string bytes(uint64_t B) {
  std::ostringstream OS;
  if (B < 10 * 1024)
    OS << B << " B";
  else if (B < 10ull * 1024 * 1024)
    OS << B / 1024 << " KiB";
  else
    OS << B / (1024 * 1024) << " MiB";
  return OS.str();
}

/// The runtime records paths as the compiler was given them; the analysis
/// has them absolute. Same file if equal, or if one ends with "/" + other.
bool sameFile(const std::string &A, const std::string &B) {
  if (A == B)
    return true;
  auto EndsWith = [](const std::string &Long, const std::string &Short) {
    return Long.size() > Short.size() &&
           Long.compare(Long.size() - Short.size(), Short.size(), Short) == 0 &&
           Long[Long.size() - Short.size() - 1] == '/';
  };
  return EndsWith(A, B) || EndsWith(B, A);
}

/// JSON inside a <script> element must not contain "</".
std::string scriptSafe(std::string Json) {
  for (size_t P = Json.find("</"); P != std::string::npos;
       P = Json.find("</", P + 3))
    Json.replace(P, 2, "<\\/");
  return Json;
}

void head(std::ostream &OS, const std::string &Title) {
  OS << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
     << "<meta name=\"viewport\" content=\"width=device-width\">"
     << "<title>" << escape(Title) << "</title><style>" << htmlStyle()
     << "</style></head>\n";
}

struct FilePage {
  std::string Path;  // absolute
  std::string Shown; // relative to the source root
  std::string Page;  // files/N.html
  std::vector<size_t> Findings;
  std::vector<const LocalPlacement *> Locals;
};

class Writer {
public:
  Writer(const std::string &Dir, const RunInfo &Run,
         const std::vector<LocalPlacement> &Placements,
         const std::vector<SiteCost> &Sites,
         const std::vector<Finding> &Findings)
      : Dir(Dir), Run(Run), Placements(Placements), Sites(Sites),
        Findings(Findings) {}
  bool write(std::string &Error);

private:
  FilePage &page(const std::string &File);
  const SiteCost *costOf(const LocalPlacement &P) const;
  std::string anchor(const SourceSpot &S) {
    return page(S.File).Page + "#L" + std::to_string(S.Line);
  }
  void index(std::ostream &OS);
  void source(std::ostream &OS, const FilePage &P);
  void findingBox(std::ostream &OS, size_t I);

  const std::string &Dir;
  const RunInfo &Run;
  const std::vector<LocalPlacement> &Placements;
  const std::vector<SiteCost> &Sites;
  const std::vector<Finding> &Findings;
  std::map<std::string, FilePage> Pages;
};

FilePage &Writer::page(const std::string &File) {
  auto [It, New] = Pages.try_emplace(File);
  if (New) {
    It->second.Path = File;
    It->second.Shown = relativePath(File, Run.SourceRoot);
  }
  return It->second;
}

const SiteCost *Writer::costOf(const LocalPlacement &P) const {
  if (P.Site.File.empty())
    return nullptr;
  const SiteCost *OnLine = nullptr;
  for (const SiteCost &S : Sites) {
    if (S.Where.Line != P.Site.Line || !sameFile(S.Where.File, P.Site.File))
      continue;
    if (S.Where.Col == P.Site.Col)
      return &S;
    OnLine = &S;
  }
  return OnLine;
}

void Writer::findingBox(std::ostream &OS, size_t I) {
  const Finding &F = Findings[I];
  OS << "<div class=\"diag\" id=\"f" << I << "\"><b>" << escape(F.Severity)
     << ":</b> " << escape(F.Message) << " <span class=\"rule\">["
     << escape(F.Rule) << "]</span><ol class=\"flow\">";
  for (const FindingNote &N : F.Notes)
    OS << "<li><a href=\"" << escape(anchor(N.Where)) << "\">line "
       << N.Where.Line << "</a>: " << escape(N.Message) << "</li>";
  OS << "</ol>";
  for (const FixIt &Fix : F.Fixes) {
    OS << "<div class=\"fix\"><b>fix-it:</b> " << escape(Fix.Description)
       << "<pre>";
    for (const PreviewLine &L : previewFix(Fix))
      OS << escape(L.Text) << "\n";
    OS << "</pre></div>";
  }
  if (!F.NoFixReason.empty())
    OS << "<div class=\"nofix\"><b>no fix-it:</b> " << escape(F.NoFixReason)
       << "</div>";
  OS << "</div>";
}

void Writer::source(std::ostream &OS, const FilePage &P) {
  head(OS, P.Shown + " - cxx-escape");
  OS << "<body data-page=\"source\"><header><a href=\"../index.html\">"
     << "&larr; all findings</a><h1>" << escape(P.Shown) << "</h1>"
     << "<div class=\"legend\">Locals: <span class=\"local stack\">stack"
     << "</span> <span class=\"local heap\">heap-managed</span> &middot; "
     << P.Findings.size() << " findings</div></header><main>\n"
     << "<table class=\"listing\">\n";
  std::ifstream In(P.Path);
  std::vector<std::string> Lines;
  for (std::string L; std::getline(In, L);)
    Lines.push_back(L);
  std::map<unsigned, std::vector<const LocalPlacement *>> LocalsAt;
  for (const LocalPlacement *L : P.Locals)
    LocalsAt[L->Where.Line].push_back(L);
  std::map<unsigned, std::vector<size_t>> FindingsAt;
  for (size_t I : P.Findings)
    FindingsAt[Findings[I].Where.Line].push_back(I);

  for (unsigned N = 1; N <= Lines.size(); ++N) {
    std::string Text = Lines[N - 1];
    std::vector<const LocalPlacement *> &Here = LocalsAt[N];
    // Right to left, so earlier columns stay valid.
    std::sort(Here.begin(), Here.end(),
              [](auto *A, auto *B) { return A->Where.Col > B->Where.Col; });
    std::string Costs, Marked;
    size_t Done = Text.size();
    std::vector<std::string> Pieces;
    for (const LocalPlacement *L : Here) {
      size_t C = L->Where.Col - 1;
      std::string Title = L->Name + ": " +
                          (L->Heap ? "heap-managed" : "stack") + " - " + L->Why;
      std::string Span = "<span class=\"local " +
                         std::string(L->Heap ? "heap" : "stack") +
                         "\" data-local=\"" + escape(L->Name) + "\" title=\"" +
                         escape(Title) + "\">";
      if (C + L->Name.size() <= Done &&
          Text.compare(C, L->Name.size(), L->Name) == 0) {
        Pieces.push_back(
            escape(Text.substr(C + L->Name.size(), Done - C - L->Name.size())));
        Pieces.push_back(Span + escape(L->Name) + "</span>");
        Done = C;
      } else {
        Costs += " " + Span + escape(L->Name) + "</span>";
      }
      if (const SiteCost *S = costOf(*L))
        Costs += "<span class=\"cost\" title=\"" +
                 escape(S->Function + " [" + S->Type + "]") +
                 "\">gc: " + std::to_string(S->Objects) + " objects, " +
                 bytes(S->Bytes) + "; live " + std::to_string(S->LiveObjects) +
                 " (" + bytes(S->LiveBytes) + ")</span>";
    }
    Pieces.push_back(escape(Text.substr(0, Done)));
    for (auto It = Pieces.rbegin(); It != Pieces.rend(); ++It)
      Marked += *It;
    bool Warn = FindingsAt.count(N) != 0;
    OS << "<tr id=\"L" << N << "\"" << (Warn ? " class=\"warn\"" : "")
       << "><td class=\"ln\">" << N << "</td><td class=\"code\">" << Marked
       << Costs << "</td></tr>\n";
    if (Warn)
      for (size_t I : FindingsAt[N]) {
        OS << "<tr class=\"diag-row\"><td></td><td>";
        findingBox(OS, I);
        OS << "</td></tr>\n";
      }
  }
  OS << "</table></main>\n<script type=\"application/json\" id=\"flows\">[";
  bool First = true;
  for (size_t I : P.Findings) {
    // The flow's steps, then the statement that lets the address escape.
    std::vector<FindingNote> Flow = Findings[I].Notes;
    Flow.push_back(
        {Findings[I].Where, "escapes here [" + Findings[I].Rule + "]"});
    std::string Steps;
    for (const FindingNote &N : Flow)
      if (N.Where.File == P.Path)
        Steps += std::string(Steps.empty() ? "" : ",") +
                 "{\"line\":" + std::to_string(N.Where.Line) +
                 ",\"text\":" + scriptSafe(JsonWriter::quote(N.Message)) + "}";
    OS << (First ? "" : ",") << "{\"id\":\"f" << I << "\",\"steps\":[" << Steps
       << "]}";
    First = false;
  }
  OS << "]</script>\n<script>" << htmlScript() << "</script></body></html>\n";
}

void Writer::index(std::ostream &OS) {
  head(OS, "cxx-escape report");
  size_t Heap = 0, Stack = 0, Fixed = 0, Refused = 0;
  for (const LocalPlacement &P : Placements)
    (P.Heap ? Heap : Stack)++;
  for (const Finding &F : Findings) {
    Fixed += !F.Fixes.empty();
    Refused += F.Fixes.empty() && !F.NoFixReason.empty();
  }
  OS << "<body data-page=\"index\"><header><h1>cxx-escape report</h1>"
     << "<div>cxx-escape " << escape(Run.Version) << " &middot; "
     << Findings.size() << " findings &middot; " << Heap
     << " heap-managed locals, " << Stack << " on the stack</div></header>"
     << "<main>\n<h2>Summary</h2><table class=\"summary\" id=\"summary\">"
     << "<tr><th>findings</th><td class=\"num\">" << Findings.size()
     << "</td></tr><tr><th>with a fix-it</th><td class=\"num\">" << Fixed
     << "</td></tr><tr><th>fix-it refused</th><td class=\"num\">" << Refused
     << "</td></tr><tr><th>heap-managed locals</th><td class=\"num\">" << Heap
     << "</td></tr><tr><th>stack locals</th><td class=\"num\">" << Stack
     << "</td></tr></table>\n";

  std::map<std::string, std::vector<size_t>> ByRule;
  for (size_t I = 0; I < Findings.size(); ++I)
    ByRule[Findings[I].Rule].push_back(I);
  OS << "<h2>Findings by rule</h2>\n";
  if (Findings.empty())
    OS << "<p style=\"margin:0 20px\">No findings.</p>\n";
  for (const auto &[Rule, Is] : ByRule) {
    OS << "<h3 style=\"margin:12px 20px 4px\" class=\"rule-head\">"
       << escape(Rule) << " (" << Is.size() << ")</h3><ul class=\"findings\" "
       << "data-rule=\"" << escape(Rule) << "\">";
    for (size_t I : Is) {
      const Finding &F = Findings[I];
      OS << "<li><a href=\"" << escape(page(F.Where.File).Page) << "#L"
         << F.Where.Line << "\">" << escape(page(F.Where.File).Shown) << ":"
         << F.Where.Line << ":" << F.Where.Col << "</a> " << escape(F.Message)
         << (F.Fixes.empty()
                 ? (F.NoFixReason.empty() ? "" : " <i>(no fix-it)</i>")
                 : " <b>(fix-it)</b>")
         << "</li>";
    }
    OS << "</ul>\n";
  }

  OS << "<h2>Files</h2><table class=\"summary\" id=\"files\"><tr><th>file"
     << "</th><th>findings</th><th>heap-managed</th><th>stack</th></tr>\n";
  for (const auto &[Path, P] : Pages) {
    size_t H = 0;
    for (const LocalPlacement *L : P.Locals)
      H += L->Heap;
    OS << "<tr><td><a href=\"" << escape(P.Page) << "\">" << escape(P.Shown)
       << "</a></td><td class=\"num\">" << P.Findings.size()
       << "</td><td class=\"num\">" << H << "</td><td class=\"num\">"
       << P.Locals.size() - H << "</td></tr>\n";
  }
  OS << "</table>\n";

  if (!Sites.empty()) {
    OS << "<h2>GC allocation sites</h2><table class=\"summary\" id=\"sites\">"
       << "<tr><th>site</th><th>type</th><th>objects</th><th>bytes</th>"
       << "<th>live objects</th><th>live bytes</th></tr>\n";
    for (const SiteCost &S : Sites)
      OS << "<tr><td>" << escape(relativePath(S.Where.File, Run.SourceRoot))
         << ":" << S.Where.Line << ":" << S.Where.Col << "</td><td>"
         << escape(S.Type) << "</td><td class=\"num\">" << S.Objects
         << "</td><td class=\"num\">" << S.Bytes << "</td><td class=\"num\">"
         << S.LiveObjects << "</td><td class=\"num\">" << S.LiveBytes
         << "</td></tr>\n";
    OS << "</table>\n";
  }
  OS << "</main></body></html>\n";
}

bool writeFile(const std::string &Path, const std::string &Text,
               std::string &Error) {
  std::ofstream Out(Path, std::ios::binary | std::ios::trunc);
  Out << Text;
  Out.close();
  if (!Out) {
    Error = "cannot write '" + Path + "': " + std::strerror(errno);
    return false;
  }
  return true;
}

bool makeDir(const std::string &Path, std::string &Error) {
  if (::mkdir(Path.c_str(), 0777) == 0 || errno == EEXIST) {
    struct stat St;
    if (::stat(Path.c_str(), &St) == 0 && S_ISDIR(St.st_mode))
      return true;
  }
  Error = "cannot create the report directory '" + Path + "': " +
          std::strerror(errno == 0 || errno == EEXIST ? ENOTDIR : errno);
  return false;
}

bool Writer::write(std::string &Error) {
  for (size_t I = 0; I < Findings.size(); ++I)
    page(Findings[I].Where.File).Findings.push_back(I);
  for (const LocalPlacement &P : Placements)
    page(P.Where.File).Locals.push_back(&P);
  for (const Finding &F : Findings)
    for (const FindingNote &Note : F.Notes)
      page(Note.Where.File);
  unsigned N = 0;
  for (auto &[Path, P] : Pages)
    P.Page = "files/" + std::to_string(++N) + ".html";
  if (!makeDir(Dir, Error) || !makeDir(Dir + "/files", Error))
    return false;
  std::ostringstream Index;
  index(Index);
  if (!writeFile(Dir + "/index.html", Index.str(), Error))
    return false;
  for (auto &[Path, P] : Pages) {
    std::ostringstream Page;
    source(Page, P);
    if (!writeFile(Dir + "/" + P.Page, Page.str(), Error))
      return false;
  }
  return true;
}

} // namespace

bool HtmlReporter::write(const std::vector<Finding> &Findings,
                         std::string &Error) {
  return Writer(Dir, Run, Placements, Sites, Findings).write(Error);
}

} // namespace cxxescape
