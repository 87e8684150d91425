//===- JsonWriter.cpp - A small streaming JSON writer ---------------------===//

#include "cxxescape/JsonWriter.h"

#include <cassert>
#include <cmath>
#include <cstdio>

namespace cxxescape {

JsonWriter::~JsonWriter() { assert(Stack.empty() && "unclosed JSON value"); }

namespace {

/// Length of the valid UTF-8 sequence at S[I], or 0.
size_t utf8Length(const std::string &S, size_t I) {
  auto B = [&](size_t K) { return static_cast<unsigned char>(S[K]); };
  unsigned char C = B(I);
  size_t N;
  unsigned Min;
  unsigned CP;
  if (C < 0x80)
    return 1;
  if ((C & 0xE0) == 0xC0) {
    N = 2;
    Min = 0x80;
    CP = C & 0x1F;
  } else if ((C & 0xF0) == 0xE0) {
    N = 3;
    Min = 0x800;
    CP = C & 0x0F;
  } else if ((C & 0xF8) == 0xF0) {
    N = 4;
    Min = 0x10000;
    CP = C & 0x07;
  } else {
    return 0;
  }
  if (I + N > S.size())
    return 0;
  for (size_t K = 1; K < N; ++K) {
    if ((B(I + K) & 0xC0) != 0x80)
      return 0;
    CP = (CP << 6) | (B(I + K) & 0x3F);
  }
  if (CP < Min || CP > 0x10FFFF || (CP >= 0xD800 && CP <= 0xDFFF))
    return 0;
  return N;
}

} // namespace

std::string JsonWriter::quote(const std::string &S) {
  std::string Out = "\"";
  for (size_t I = 0; I < S.size();) {
    unsigned char C = static_cast<unsigned char>(S[I]);
    switch (C) {
    case '"':
      Out += "\\\"";
      break;
    case '\\':
      Out += "\\\\";
      break;
    case '\n':
      Out += "\\n";
      break;
    case '\r':
      Out += "\\r";
      break;
    case '\t':
      Out += "\\t";
      break;
    case '\b':
      Out += "\\b";
      break;
    case '\f':
      Out += "\\f";
      break;
    default:
      if (C < 0x20 || C == 0x7F) {
        char Buf[8];
        std::snprintf(Buf, sizeof(Buf), "\\u%04x", C);
        Out += Buf;
      } else if (C >= 0x80) {
        size_t N = utf8Length(S, I);
        if (N == 0) {
          Out += "\\ufffd";
          ++I;
        } else {
          Out.append(S, I, N);
          I += N;
        }
        continue;
      } else {
        Out += static_cast<char>(C);
      }
    }
    ++I;
  }
  return Out + "\"";
}

void JsonWriter::prefix() {
  if (AfterKey) {
    AfterKey = false;
    return;
  }
  if (Stack.empty())
    return;
  assert(Stack.back().Array && "a value in an object needs a key");
  OS << (Stack.back().Count++ ? ",\n" : "\n")
     << std::string(2 * Stack.size(), ' ');
}

JsonWriter &JsonWriter::key(const std::string &K) {
  assert(!Stack.empty() && !Stack.back().Array && !AfterKey);
  OS << (Stack.back().Count++ ? ",\n" : "\n")
     << std::string(2 * Stack.size(), ' ') << quote(K) << ": ";
  AfterKey = true;
  return *this;
}

void JsonWriter::open(char C) {
  prefix();
  OS << C;
  Stack.push_back({C == '[', 0});
}

void JsonWriter::close(char C) {
  assert(!Stack.empty() && Stack.back().Array == (C == ']'));
  bool Empty = Stack.back().Count == 0;
  Stack.pop_back();
  if (!Empty)
    OS << "\n" << std::string(2 * Stack.size(), ' ');
  OS << C;
  if (Stack.empty())
    OS << "\n";
}

void JsonWriter::beginObject() { open('{'); }
void JsonWriter::endObject() { close('}'); }
void JsonWriter::beginArray() { open('['); }
void JsonWriter::endArray() { close(']'); }

void JsonWriter::value(const std::string &S) {
  prefix();
  OS << quote(S);
}

void JsonWriter::value(bool B) {
  prefix();
  OS << (B ? "true" : "false");
}

void JsonWriter::value(long long N) {
  prefix();
  OS << N;
}

void JsonWriter::value(unsigned long long N) {
  prefix();
  OS << N;
}

void JsonWriter::number(double D, int Decimals) {
  prefix();
  if (!std::isfinite(D)) {
    OS << "null";
    return;
  }
  char Buf[64];
  std::snprintf(Buf, sizeof(Buf), "%.*f", Decimals, D);
  std::string S = Buf;
  if (S.find('.') != std::string::npos) {
    while (S.back() == '0')
      S.pop_back();
    if (S.back() == '.')
      S.pop_back();
  }
  if (S == "-0")
    S = "0";
  OS << S;
}

} // namespace cxxescape
