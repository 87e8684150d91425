// RUN: %escape --interprocedural %s -- %std | count 0
// Negative cases for escape-view: owners returned by value, copies of their
// data, views used only while the owner is alive, and views of data the
// caller owns or that has static storage. None of them may be reported.

#include <algorithm>
#include <cstring>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

std::string ownerReturnedByValue() {
  std::string s = "abc";
  return s;
}

std::string ownerMovedOut() {
  std::string s = "abc";
  return std::move(s);
}

std::vector<int> vectorReturnedByValue() {
  std::vector<int> v(4);
  return v;
}

std::optional<int> optionalReturnedByValue() {
  std::optional<int> o = 3;
  return o;
}

std::string copyOfTheCharacters() {
  std::string s = "abc";
  return std::string(s.c_str());
}

int elementCopied() {
  std::vector<int> v(4);
  return v[0];
}

size_t viewUsedInScope() {
  std::string s = "abc";
  std::string_view sv = s;
  return sv.size();
}

size_t cStrUsedInScope() {
  std::string s = "abc";
  return std::strlen(s.c_str());
}

int iteratorsUsedInScope() {
  std::vector<int> v{1, 2, 3};
  auto it = std::find(v.begin(), v.end(), 2);
  return it == v.end() ? -1 : *it;
}

int viewInsideAnInnerBlock() {
  int total = 0;
  {
    std::vector<int> v{1, 2, 3};
    for (int x : v)
      total += x;
  }
  return total;
}

std::string_view outerViewResetBeforeItIsRead() {
  std::string_view sv;
  {
    std::string s = "abc";
    sv = s;
    sv = {};
  }
  return sv;
}

int outerViewNeverReadAfterTheBlock() {
  std::string_view sv;
  {
    std::string s = "abc";
    sv = s;
  }
  return 0;
}

std::string_view viewOfTheCallersString(const std::string &s) { return s; }

const char *cStrOfTheCallersString(const std::string &s) { return s.c_str(); }

int *dataOfTheCallersVector(std::vector<int> &v) { return v.data(); }

std::string_view substringOfAViewParameter(std::string_view sv) {
  return sv.substr(1);
}

std::span<int> subspanOfASpanParameter(std::span<int> s) {
  return s.subspan(1);
}

std::string_view viewOfALiteral() {
  std::string_view sv = "literal";
  return sv;
}

std::string_view viewOfAStaticString() {
  static std::string s = "x";
  return s;
}
