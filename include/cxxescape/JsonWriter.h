//===- JsonWriter.h - A small streaming JSON writer -------------*- C++ -*-===//
//
// Pretty-prints (two spaces) with keys in the order they are written, so the
// output is deterministic. Strings are escaped per RFC 8259; bytes that are
// not valid UTF-8 become U+FFFD.
//
//===----------------------------------------------------------------------===//
#ifndef CXXESCAPE_JSONWRITER_H
#define CXXESCAPE_JSONWRITER_H

#include <ostream>
#include <string>
#include <vector>

namespace cxxescape {

class JsonWriter {
public:
  explicit JsonWriter(std::ostream &OS) : OS(OS) {}
  ~JsonWriter();

  void beginObject();
  void endObject();
  void beginArray();
  void endArray();
  /// The key of the next value in the current object.
  JsonWriter &key(const std::string &K);

  void value(const std::string &S);
  void value(const char *S) { value(std::string(S)); }
  void value(bool B);
  void value(int N) { value(static_cast<long long>(N)); }
  void value(unsigned N) { value(static_cast<unsigned long long>(N)); }
  void value(long N) { value(static_cast<long long>(N)); }
  void value(unsigned long N) { value(static_cast<unsigned long long>(N)); }
  void value(long long N);
  void value(unsigned long long N);
  /// A number with at most Decimals digits after the point.
  void number(double D, int Decimals);

  template <typename T> void field(const std::string &K, const T &V) {
    key(K).value(V);
  }
  void field(const std::string &K, const char *V) { key(K).value(V); }

  /// S as a JSON string literal, quotes included.
  static std::string quote(const std::string &S);

private:
  void prefix();
  void open(char C);
  void close(char C);

  std::ostream &OS;
  struct Level {
    bool Array;
    unsigned Count;
  };
  std::vector<Level> Stack;
  bool AfterKey = false;
};

} // namespace cxxescape

#endif
