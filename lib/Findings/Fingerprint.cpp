//===- Fingerprint.cpp - Line-number-free identities of findings ---------===//

#include "cxxescape/Fingerprint.h"

#include <cstdint>
#include <cstdio>
#include <fstream>

namespace cxxescape {

const std::vector<std::string> &SourceCache::lines(const std::string &File) {
  auto It = Files.find(File);
  if (It != Files.end())
    return It->second;
  std::vector<std::string> Lines;
  std::ifstream In(File);
  std::string L;
  while (std::getline(In, L)) {
    if (!L.empty() && L.back() == '\r')
      L.pop_back();
    Lines.push_back(L);
  }
  return Files[File] = std::move(Lines);
}

const std::string &SourceCache::line(const std::string &File, unsigned N) {
  static const std::string Empty;
  const std::vector<std::string> &Ls = lines(File);
  return N >= 1 && N <= Ls.size() ? Ls[N - 1] : Empty;
}

std::string relativePath(const std::string &File, const std::string &Root) {
  std::string R = Root;
  while (R.size() > 1 && R.back() == '/')
    R.pop_back();
  if (!R.empty() && File.size() > R.size() && File.compare(0, R.size(), R) == 0 &&
      File[R.size()] == '/')
    return File.substr(R.size() + 1);
  return File;
}

namespace {

/// "/x/./y/../a.cpp" -> "/x/a.cpp", so one file has one spelling.
std::string normalizePath(const std::string &Path) {
  std::vector<std::string> Parts;
  size_t I = 0;
  bool Absolute = !Path.empty() && Path[0] == '/';
  while (I <= Path.size()) {
    size_t J = Path.find('/', I);
    if (J == std::string::npos)
      J = Path.size();
    std::string Part = Path.substr(I, J - I);
    if (Part == "..") {
      if (!Parts.empty() && Parts.back() != "..")
        Parts.pop_back();
      else if (!Absolute)
        Parts.push_back(Part);
    } else if (!Part.empty() && Part != ".") {
      Parts.push_back(Part);
    }
    I = J + 1;
  }
  std::string Out = Absolute ? "/" : "";
  for (size_t K = 0; K < Parts.size(); ++K)
    Out += (K ? "/" : "") + Parts[K];
  return Out;
}

/// 64-bit FNV-1a: stable across runs, platforms and compilers.
uint64_t fnv1a(const std::string &S, uint64_t H = 0xcbf29ce484222325ULL) {
  for (unsigned char C : S) {
    H ^= C;
    H *= 0x100000001b3ULL;
  }
  return H;
}

std::string collapseSpaces(const std::string &S) {
  std::string Out;
  bool Space = false;
  for (char C : S) {
    if (C == ' ' || C == '\t') {
      Space = !Out.empty();
      continue;
    }
    if (Space)
      Out += ' ';
    Space = false;
    Out += C;
  }
  return Out;
}

} // namespace

std::vector<std::string> fingerprints(const std::vector<Finding> &Findings,
                                      const std::string &SourceRoot,
                                      SourceCache &Sources) {
  std::vector<std::string> Out;
  std::map<uint64_t, unsigned> Seen;
  for (const Finding &F : Findings) {
    uint64_t H = fnv1a(F.Rule);
    H = fnv1a("\n" + relativePath(normalizePath(F.Where.File),
                                   normalizePath(SourceRoot)),
              H);
    H = fnv1a("\n" + collapseSpaces(Sources.line(F.Where.File, F.Where.Line)),
              H);
    H = fnv1a("\n" + F.Message, H);
    unsigned N = Seen[H]++;
    char Buf[40];
    std::snprintf(Buf, sizeof(Buf), "%016llx:%u",
                  static_cast<unsigned long long>(H), N + 1);
    Out.push_back(Buf);
  }
  return Out;
}

} // namespace cxxescape
