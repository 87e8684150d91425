//===- DiffFilter.cpp - Only the changed lines ----------------------------===//

#include "cxxescape/DiffFilter.h"
#include "cxxescape/Suppressions.h" // canonicalFile

#include <filesystem>

namespace cxxescape {

namespace {

bool startsWith(const std::string &S, const char *P) {
  return S.rfind(P, 0) == 0;
}

/// git quotes paths with unusual characters: "b/t\303\251st.cpp".
std::string unquote(const std::string &S) {
  if (S.size() < 2 || S.front() != '"' || S.back() != '"')
    return S;
  std::string Out;
  for (size_t I = 1; I + 1 < S.size(); ++I) {
    char C = S[I];
    if (C != '\\' || I + 2 >= S.size()) {
      Out += C;
      continue;
    }
    char E = S[++I];
    if (E >= '0' && E <= '7') {
      int V = 0;
      for (int K = 0; K < 3 && I + 1 < S.size() && S[I] >= '0' && S[I] <= '7';
           ++K, ++I)
        V = V * 8 + (S[I] - '0');
      --I;
      Out += static_cast<char>(V);
      continue;
    }
    switch (E) {
    case 'n': Out += '\n'; break;
    case 't': Out += '\t'; break;
    case 'a': Out += '\a'; break;
    case 'b': Out += '\b'; break;
    case 'f': Out += '\f'; break;
    case 'r': Out += '\r'; break;
    case 'v': Out += '\v'; break;
    default: Out += E; break;
    }
  }
  return Out;
}

/// The path of a "--- " or "+++ " line.
std::string headerPath(const std::string &Rest) {
  std::string P = Rest;
  if (!P.empty() && P.front() == '"') {
    size_t E = 1;
    while (E < P.size() && P[E] != '"')
      E += P[E] == '\\' ? 2 : 1;
    return unquote(P.substr(0, E + 1));
  }
  // diff -u: "path<TAB>2024-01-01 10:00:00.000000000 +0100".
  size_t Tab = P.find('\t');
  if (Tab != std::string::npos)
    P.resize(Tab);
  while (!P.empty() && P.back() == ' ')
    P.pop_back();
  return P;
}

/// "-l,s" or "+l" of a hunk header.
bool parseRange(const std::string &S, char Sign, unsigned &Start,
                unsigned &Count) {
  if (S.size() < 2 || S[0] != Sign)
    return false;
  size_t I = 1;
  auto Num = [&](unsigned &V) {
    if (I >= S.size() || S[I] < '0' || S[I] > '9')
      return false;
    unsigned long long X = 0;
    while (I < S.size() && S[I] >= '0' && S[I] <= '9') {
      X = X * 10 + (S[I++] - '0');
      if (X > 0xffffffffULL)
        return false;
    }
    V = static_cast<unsigned>(X);
    return true;
  };
  if (!Num(Start))
    return false;
  Count = 1;
  if (I < S.size() && S[I] == ',') {
    ++I;
    if (!Num(Count))
      return false;
  }
  return I == S.size();
}

} // namespace

bool parseUnifiedDiff(const std::string &Text, std::vector<DiffFile> &Out,
                      std::string &Error) {
  Out.clear();
  std::vector<std::string> Lines;
  size_t B = 0;
  while (B < Text.size()) {
    size_t E = Text.find('\n', B);
    if (E == std::string::npos)
      E = Text.size();
    std::string L = Text.substr(B, E - B);
    if (!L.empty() && L.back() == '\r')
      L.pop_back();
    Lines.push_back(std::move(L));
    B = E + 1;
  }
  auto Fail = [&](size_t N, const std::string &Why) {
    Error = "line " + std::to_string(N + 1) + ": " + Why;
    return false;
  };

  bool SawFileOrDiff = false;
  bool HasContent = false;
  DiffFile *Current = nullptr;
  std::string LastHunk; // the header of the hunk just read, if any
  for (size_t N = 0; N < Lines.size(); ++N) {
    const std::string &L = Lines[N];
    if (L.find_first_not_of(" \t") != std::string::npos)
      HasContent = true;
    if (startsWith(L, "diff ")) {
      SawFileOrDiff = true;
      Current = nullptr;
      LastHunk.clear();
      continue;
    }
    if (L == "-- ") { // the signature of a `git format-patch` mail
      Current = nullptr;
      LastHunk.clear();
      continue;
    }
    if (startsWith(L, "--- ")) {
      if (N + 1 >= Lines.size() || !startsWith(Lines[N + 1], "+++ "))
        return Fail(N + 1, "expected a '+++ ' line after '--- '");
      ++N;
      Out.push_back({headerPath(Lines[N].substr(4)), {}});
      Current = &Out.back();
      SawFileOrDiff = true;
      LastHunk.clear();
      continue;
    }
    if (startsWith(L, "@@@"))
      return Fail(N, "combined diffs (merge commits) are not supported");
    if (!LastHunk.empty() && !L.empty() &&
        (L[0] == '+' || L[0] == '-' || L[0] == ' '))
      return Fail(N, "more lines than hunk '" + LastHunk + "' announces");
    if (!startsWith(L, "@@"))
      continue; // commit message, extended headers, diffstat, ...
    if (!Current)
      return Fail(N, "hunk before any '--- '/'+++ ' file header");
    // @@ -l[,s] +l[,s] @@ [section heading]
    size_t Close = L.find(" @@", 2);
    if (L.size() < 3 || L[2] != ' ' || Close == std::string::npos)
      return Fail(N, "malformed hunk header '" + L + "'");
    std::string Ranges = L.substr(3, Close - 3);
    size_t Space = Ranges.find(' ');
    unsigned OldStart, OldCount, NewStart, NewCount;
    if (Space == std::string::npos ||
        !parseRange(Ranges.substr(0, Space), '-', OldStart, OldCount) ||
        !parseRange(Ranges.substr(Space + 1), '+', NewStart, NewCount))
      return Fail(N, "malformed hunk header '" + L + "'");
    size_t Header = N;
    unsigned NewLine = NewStart;
    unsigned OldLeft = OldCount, NewLeft = NewCount;
    while (OldLeft || NewLeft) {
      if (++N >= Lines.size())
        return Fail(Header, "hunk '" + L + "' ends before its last line");
      const std::string &H = Lines[N];
      char C = H.empty() ? ' ' : H[0]; // some tools strip a lone ' '
      if (C == '\\')
        continue; // "\ No newline at end of file"
      if (C == ' ') {
        if (!OldLeft || !NewLeft)
          return Fail(N, "more lines than hunk '" + L + "' announces");
        --OldLeft;
        --NewLeft;
        ++NewLine;
      } else if (C == '-') {
        if (!OldLeft)
          return Fail(N, "more lines than hunk '" + L + "' announces");
        --OldLeft;
      } else if (C == '+') {
        if (!NewLeft)
          return Fail(N, "more lines than hunk '" + L + "' announces");
        --NewLeft;
        auto &A = Current->Added;
        if (!A.empty() && A.back().second + 1 == NewLine)
          A.back().second = NewLine;
        else
          A.push_back({NewLine, NewLine});
        ++NewLine;
      } else {
        return Fail(N, "hunk '" + L + "' ends before its last line");
      }
    }
    // A trailing "\ No newline at end of file" belongs to this hunk.
    while (N + 1 < Lines.size() && startsWith(Lines[N + 1], "\\"))
      ++N;
    LastHunk = L;
  }
  if (HasContent && !SawFileOrDiff) {
    Error = "no '--- '/'+++ ' file header found; is this a unified diff?";
    return false;
  }
  return true;
}

std::string resolveDiffPath(const std::string &Path,
                            const std::string &SourceRoot) {
  namespace fs = std::filesystem;
  if (!Path.empty() && Path[0] == '/')
    return canonicalFile(Path);
  fs::path Root(SourceRoot);
  std::string P = Path;
  if (P.size() > 2 && P[1] == '/' && (P[0] == 'a' || P[0] == 'b')) {
    std::error_code EC;
    bool StrippedExists = fs::exists(Root / P.substr(2), EC);
    bool WholeExists = fs::exists(Root / P, EC);
    if (StrippedExists || !WholeExists)
      P = P.substr(2);
  }
  return canonicalFile((Root / P).string());
}

ChangedLines::ChangedLines(const std::vector<DiffFile> &Diff,
                           const std::string &SourceRoot) {
  for (const DiffFile &F : Diff) {
    if (F.Path == "/dev/null" || F.Added.empty())
      continue;
    auto &Ranges = Files[resolveDiffPath(F.Path, SourceRoot)];
    Ranges.insert(Ranges.end(), F.Added.begin(), F.Added.end());
  }
}

bool ChangedLines::changed(const std::string &File, unsigned Line) const {
  auto It = Files.find(canonicalFile(File));
  if (It == Files.end())
    return false;
  for (const auto &[First, Last] : It->second)
    if (First <= Line && Line <= Last)
      return true;
  return false;
}

} // namespace cxxescape
