// RUN: %escape --interprocedural %s -- %std | count 0
// Appending through a pointer into a std::string copies characters: the
// string keeps none of the addresses it is given (ninja's lexer builds its
// error messages from views into the input this way). Only a container
// whose elements may hold addresses keeps them.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct Lexer {
  std::string_view Input;
  void start(std::string_view In) { Input = In; }
  bool error(std::string *Err) {
    Err->append(Input.data(), 2);
    *Err += std::string(Input);
    Err->assign(Input.data(), 1);
    return false;
  }
};

struct Tokens {
  std::vector<std::pair<std::string, int>> Parsed;
  void addText(std::string_view Text) {
    if (!Parsed.empty())
      Parsed.back().first.append(Text.data(), Text.size());
    else
      Parsed.push_back({std::string(Text), 0});
  }
  std::string evaluate() const {
    std::string Result;
    for (const auto &T : Parsed)
      Result.append(T.first);
    return Result;
  }
};

bool parse(std::string *Err) {
  std::string Input = "abc";
  Lexer L;
  L.start(Input);
  return L.error(Err);
}

std::string describe() {
  std::string Local = "a b";
  Tokens T;
  T.addText(Local);
  return T.evaluate();
}

void collect(std::vector<std::string> *Out) {
  char Buf[8] = "x";
  Out->push_back(Buf);
  Out->emplace_back(Buf, 1);
}
