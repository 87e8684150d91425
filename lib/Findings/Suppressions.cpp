//===- Suppressions.cpp - NOLINT comments ---------------------------------===//

#include "cxxescape/Suppressions.h"
#include "cxxescape/Rules.h"

#include <algorithm>
#include <filesystem>
#include <tuple>

namespace cxxescape {

namespace {

bool isIdent(char C) {
  return (C >= 'a' && C <= 'z') || (C >= 'A' && C <= 'Z') ||
         (C >= '0' && C <= '9') || C == '_';
}

std::string trim(const std::string &S) {
  size_t B = S.find_first_not_of(" \t");
  if (B == std::string::npos)
    return "";
  size_t E = S.find_last_not_of(" \t");
  return S.substr(B, E - B + 1);
}

/// Where the comments are in a file: one (line, first column, text) per
/// comment piece, following block comments and raw strings across lines.
struct CommentPiece {
  unsigned Line;
  size_t Start; // 0-based offset of Text in the line
  std::string Text;
};

std::vector<CommentPiece> commentPieces(const std::vector<std::string> &Lines) {
  std::vector<CommentPiece> Out;
  enum { Code, Block, LineComment, Raw } State = Code;
  std::string RawEnd; // ")delim\""
  for (size_t N = 0; N < Lines.size(); ++N) {
    const std::string &L = Lines[N];
    unsigned LineNo = static_cast<unsigned>(N + 1);
    size_t I = 0;
    if (State == LineComment) { // continued with a trailing backslash
      Out.push_back({LineNo, 0, L});
      State = !L.empty() && L.back() == '\\' ? LineComment : Code;
      continue;
    }
    while (I < L.size()) {
      if (State == Block) {
        size_t E = L.find("*/", I);
        size_t End = E == std::string::npos ? L.size() : E;
        Out.push_back({LineNo, I, L.substr(I, End - I)});
        if (E == std::string::npos) {
          I = L.size();
        } else {
          I = E + 2;
          State = Code;
        }
        continue;
      }
      if (State == Raw) {
        size_t E = L.find(RawEnd, I);
        if (E == std::string::npos) {
          I = L.size();
        } else {
          I = E + RawEnd.size();
          State = Code;
        }
        continue;
      }
      char C = L[I];
      char Next = I + 1 < L.size() ? L[I + 1] : '\0';
      if (C == '/' && Next == '/') {
        Out.push_back({LineNo, I + 2, L.substr(I + 2)});
        if (L.back() == '\\')
          State = LineComment;
        I = L.size();
      } else if (C == '/' && Next == '*') {
        State = Block;
        I += 2;
      } else if (C == '"') {
        // R"delim( ... )delim", possibly with an encoding prefix.
        bool IsRaw = false;
        if (I > 0 && L[I - 1] == 'R') {
          size_t P = I - 1; // start of the prefix
          while (P > 0 && isIdent(L[P - 1]))
            --P;
          std::string Prefix = L.substr(P, I - 1 - P);
          IsRaw = Prefix.empty() || Prefix == "u8" || Prefix == "u" ||
                  Prefix == "U" || Prefix == "L";
        }
        if (IsRaw) {
          size_t Open = L.find('(', I + 1);
          if (Open == std::string::npos) { // not a valid raw string
            ++I;
            continue;
          }
          RawEnd = ")" + L.substr(I + 1, Open - I - 1) + "\"";
          State = Raw;
          I = Open + 1;
          continue;
        }
        ++I;
        while (I < L.size() && L[I] != '"')
          I += L[I] == '\\' ? 2 : 1;
        ++I;
      } else if (C == '\'') {
        // A digit separator (1'000, 0xFF'FF) or a character literal.
        size_t P = I;
        while (P > 0 && isIdent(L[P - 1]))
          --P;
        if (P < I && L[P] >= '0' && L[P] <= '9') {
          ++I;
          continue;
        }
        ++I;
        while (I < L.size() && L[I] != '\'')
          I += L[I] == '\\' ? 2 : 1;
        ++I;
      } else {
        ++I;
      }
    }
  }
  return Out;
}

} // namespace

bool NolintDirective::covers(const std::string &Rule) const {
  if (!HasChecks)
    return true;
  for (const std::string &G : Globs)
    if (globMatch(G, Rule))
      return true;
  return false;
}

std::vector<NolintDirective>
findNolintDirectives(const std::vector<std::string> &Lines) {
  std::vector<NolintDirective> Out;
  for (const CommentPiece &Piece : commentPieces(Lines)) {
    const std::string &T = Piece.Text;
    size_t Pos = 0;
    while ((Pos = T.find("NOLINT", Pos)) != std::string::npos) {
      size_t Start = Pos;
      Pos += 6;
      if (Start > 0 && isIdent(T[Start - 1]))
        continue;
      NolintDirective D;
      auto Suffix = [&](const char *S, NolintKind K) {
        std::string Sfx(S);
        if (T.compare(Pos, Sfx.size(), Sfx) != 0)
          return false;
        Pos += Sfx.size();
        D.Kind = K;
        return true;
      };
      if (!Suffix("NEXTLINE", NolintKind::NextLine) &&
          !Suffix("BEGIN", NolintKind::Begin) && !Suffix("END", NolintKind::End))
        D.Kind = NolintKind::SameLine;
      if (Pos < T.size() && isIdent(T[Pos]))
        continue; // NOLINTFOO is not a directive
      if (Pos < T.size() && T[Pos] == '(') {
        size_t Close = T.find(')', Pos + 1);
        if (Close != std::string::npos) {
          std::string List = T.substr(Pos + 1, Close - Pos - 1);
          D.HasChecks = true;
          size_t B = 0;
          while (B <= List.size()) {
            size_t E = List.find(',', B);
            if (E == std::string::npos)
              E = List.size();
            std::string G = trim(List.substr(B, E - B));
            if (!G.empty())
              D.ChecksKey += (D.ChecksKey.empty() ? "" : ",") + G;
            if (!G.empty() && G[0] != '-')
              D.Globs.push_back(G);
            B = E + 1;
          }
          Pos = Close + 1;
        }
      }
      D.Line = Piece.Line;
      D.Col = static_cast<unsigned>(Piece.Start + Start + 1);
      D.Spelling = T.substr(Start, Pos - Start);
      Out.push_back(std::move(D));
    }
  }
  return Out;
}

std::string canonicalFile(const std::string &File) {
  std::error_code EC;
  std::filesystem::path P = std::filesystem::absolute(File, EC);
  if (EC)
    return File;
  std::filesystem::path C = std::filesystem::weakly_canonical(P, EC);
  if (EC)
    return P.lexically_normal().generic_string();
  return C.generic_string();
}

Suppressions::FileInfo &Suppressions::info(const std::string &File) {
  std::string Key = canonicalFile(File);
  auto It = Files.find(Key);
  if (It != Files.end())
    return It->second;
  FileInfo &FI = Files[Key];
  FI.Name = File;
  FI.Directives = findNolintDirectives(Sources.lines(File));
  FI.Used.assign(FI.Directives.size(), false);
  // BEGIN/END pair up like brackets: an END closes the innermost open
  // BEGIN if their check lists agree, else it is unmatched.
  std::vector<size_t> Open;
  for (size_t I = 0; I < FI.Directives.size(); ++I) {
    const NolintDirective &D = FI.Directives[I];
    if (D.Kind == NolintKind::Begin) {
      Open.push_back(I);
    } else if (D.Kind == NolintKind::End) {
      const NolintDirective *Top =
          Open.empty() ? nullptr : &FI.Directives[Open.back()];
      if (Top && Top->HasChecks == D.HasChecks &&
          Top->ChecksKey == D.ChecksKey) {
        FI.Blocks.push_back({Open.back(), I});
        Open.pop_back();
      } else {
        FI.Unmatched.push_back(I);
      }
    }
  }
  FI.Unmatched.insert(FI.Unmatched.end(), Open.begin(), Open.end());
  std::sort(FI.Unmatched.begin(), FI.Unmatched.end());
  return FI;
}

bool Suppressions::suppresses(const Finding &F) {
  FileInfo &FI = info(F.Where.File);
  bool Hit = false;
  for (size_t I = 0; I < FI.Directives.size(); ++I) {
    const NolintDirective &D = FI.Directives[I];
    bool Applies =
        (D.Kind == NolintKind::SameLine && D.Line == F.Where.Line) ||
        (D.Kind == NolintKind::NextLine && D.Line + 1 == F.Where.Line);
    if (Applies && D.covers(F.Rule)) {
      FI.Used[I] = true;
      Hit = true;
    }
  }
  auto Pos = std::make_tuple(F.Where.Line, F.Where.Col);
  for (const auto &[B, E] : FI.Blocks) {
    const NolintDirective &Begin = FI.Directives[B];
    const NolintDirective &End = FI.Directives[E];
    if (std::make_tuple(Begin.Line, Begin.Col) < Pos &&
        Pos < std::make_tuple(End.Line, End.Col) && Begin.covers(F.Rule)) {
      FI.Used[B] = true;
      FI.Used[E] = true;
      Hit = true;
    }
  }
  return Hit;
}

size_t Suppressions::filter(std::vector<Finding> &Findings) {
  size_t Before = Findings.size();
  std::vector<Finding> Kept;
  for (Finding &F : Findings)
    if (!suppresses(F))
      Kept.push_back(std::move(F));
  Findings = std::move(Kept);
  return Before - Findings.size();
}

std::vector<SuppressionWarning>
Suppressions::unmatched(const std::string &File) {
  FileInfo &FI = info(File);
  std::vector<SuppressionWarning> Out;
  for (size_t I : FI.Unmatched) {
    const NolintDirective &D = FI.Directives[I];
    std::string Msg =
        D.Kind == NolintKind::Begin
            ? "unmatched '" + D.Spelling +
                  "' comment without a subsequent 'NOLINTEND" +
                  D.Spelling.substr(11) + "' comment; it suppresses nothing"
            : "unmatched '" + D.Spelling +
                  "' comment without a previous 'NOLINTBEGIN" +
                  D.Spelling.substr(9) + "' comment";
    Out.push_back({{FI.Name, D.Line, D.Col}, Msg + " [escape-nolint]"});
  }
  return Out;
}

std::vector<SuppressionWarning> Suppressions::unused(const std::string &File) {
  FileInfo &FI = info(File);
  std::vector<bool> Unmatched(FI.Directives.size(), false);
  for (size_t I : FI.Unmatched)
    Unmatched[I] = true;
  std::vector<bool> IsEnd(FI.Directives.size(), false);
  for (const auto &[B, E] : FI.Blocks)
    IsEnd[E] = true; // a block is reported once, at its BEGIN
  std::vector<SuppressionWarning> Out;
  for (size_t I = 0; I < FI.Directives.size(); ++I) {
    const NolintDirective &D = FI.Directives[I];
    if (FI.Used[I] || Unmatched[I] || IsEnd[I])
      continue;
    bool Ours = false;
    for (const RuleInfo &R : allRules())
      Ours |= D.covers(R.Id);
    if (!Ours)
      continue;
    Out.push_back({{FI.Name, D.Line, D.Col},
                   "suppression comment '" + D.Spelling +
                       "' suppresses nothing [escape-unused-suppression]"});
  }
  return Out;
}

} // namespace cxxescape
