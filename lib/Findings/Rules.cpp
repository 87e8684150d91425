//===- Rules.cpp - Rule registry and check globs --------------------------===//

#include "cxxescape/Rules.h"
#include "cxxescape/Finding.h"

#include <algorithm>
#include <tuple>

namespace cxxescape {

const std::vector<RuleInfo> &allRules() {
  static const std::vector<RuleInfo> Rules = {
      {"escape-return",
       "the address of a local object escapes through the return value"},
      {"escape-global",
       "the address of a local object is stored in a global or static"},
      {"escape-outparam", "the address of a local object is stored through a "
                          "parameter into the caller's memory"},
      {"escape-member",
       "the address of a local object is stored in a member of *this"},
      {"escape-scope", "the address of an object is kept in a variable that "
                       "outlives the object's scope"},
      {"escape-lambda", "a lambda capturing a local by reference outlives it"},
      {"escape-temporary",
       "the address of a temporary outlives its full-expression"},
      {"escape-throw", "the address of a local object is thrown"},
  };
  return Rules;
}

bool globMatch(const std::string &Pattern, const std::string &Text) {
  // Iterative '*' matching with backtracking to the last star.
  size_t P = 0, T = 0, Star = std::string::npos, Mark = 0;
  while (T < Text.size()) {
    if (P < Pattern.size() && Pattern[P] == '*') {
      Star = P++;
      Mark = T;
    } else if (P < Pattern.size() && Pattern[P] == Text[T]) {
      ++P;
      ++T;
    } else if (Star != std::string::npos) {
      P = Star + 1;
      T = ++Mark;
    } else {
      return false;
    }
  }
  while (P < Pattern.size() && Pattern[P] == '*')
    ++P;
  return P == Pattern.size();
}

CheckFilter::CheckFilter(const std::string &Spec) {
  size_t Start = 0;
  while (Start <= Spec.size()) {
    size_t End = Spec.find(',', Start);
    if (End == std::string::npos)
      End = Spec.size();
    std::string Item = Spec.substr(Start, End - Start);
    Item.erase(0, Item.find_first_not_of(" \t\n"));
    Item.erase(Item.find_last_not_of(" \t\n") + 1);
    if (!Item.empty()) {
      bool Positive = Item[0] != '-';
      if (!Positive)
        Item.erase(0, 1);
      Globs.push_back({Positive, Item});
    }
    Start = End + 1;
  }
}

bool CheckFilter::enabled(const std::string &Rule) const {
  bool On = false;
  // The last matching glob wins, as in clang-tidy.
  for (const Glob &G : Globs)
    if (globMatch(G.Pattern, Rule))
      On = G.Positive;
  return On;
}

std::vector<std::string> CheckFilter::unmatchedGlobs() const {
  std::vector<std::string> Out;
  for (const Glob &G : Globs) {
    bool Any = false;
    for (const RuleInfo &R : allRules())
      Any |= globMatch(G.Pattern, R.Id);
    if (!Any)
      Out.push_back(G.Pattern);
  }
  return Out;
}

void sortAndDedupe(std::vector<Finding> &Findings) {
  auto Key = [](const Finding &F) {
    return std::tie(F.Where.File, F.Where.Line, F.Where.Col, F.Rule,
                    F.Message);
  };
  std::stable_sort(Findings.begin(), Findings.end(),
                   [&](const Finding &A, const Finding &B) {
                     return Key(A) < Key(B);
                   });
  Findings.erase(std::unique(Findings.begin(), Findings.end(),
                             [&](const Finding &A, const Finding &B) {
                               return Key(A) == Key(B);
                             }),
                 Findings.end());
}

} // namespace cxxescape
