//===- Cbor.h - The part of CBOR the IR files use --------------*- C++ -*-===//
//
// Unsigned and negative integers, text strings, definite-length arrays and
// the two booleans (RFC 8949), written in their shortest form and read
// straight into the graph: a document tree in between would hold the whole
// file several times over (it was most of a link's peak memory).
//
//===----------------------------------------------------------------------===//
#ifndef CXXESCAPE_GRAPH_CBOR_H
#define CXXESCAPE_GRAPH_CBOR_H

#include <cstdint>
#include <string>
#include <string_view>

namespace cxxescape::cbor {

enum Major : uint8_t {
  Unsigned = 0,
  Negative = 1,
  Text = 3,
  Array = 4,
  Simple = 7
};

constexpr uint8_t False = 0xf4, True = 0xf5;

class Writer {
public:
  explicit Writer(std::string &Out) : Out(Out) {}

  void head(Major M, uint64_t V) {
    uint8_t Type = uint8_t(M << 5);
    if (V < 24) {
      Out.push_back(char(Type | V));
      return;
    }
    unsigned Bytes = V <= 0xff ? 1 : V <= 0xffff ? 2 : V <= 0xffffffff ? 4 : 8;
    Out.push_back(char(Type | (Bytes == 1   ? 24
                               : Bytes == 2 ? 25
                               : Bytes == 4 ? 26
                                            : 27)));
    for (unsigned I = Bytes; I-- > 0;)
      Out.push_back(char(V >> (8 * I)));
  }
  void unsignedInt(uint64_t V) { head(Unsigned, V); }
  void signedInt(int64_t V) {
    if (V >= 0)
      head(Unsigned, uint64_t(V));
    else
      head(Negative, uint64_t(-1 - V));
  }
  void boolean(bool B) { Out.push_back(char(B ? True : False)); }
  void array(uint64_t Size) { head(Array, Size); }
  void text(std::string_view S) {
    head(Text, S.size());
    Out.append(S);
  }

private:
  std::string &Out;
};

/// A cursor over encoded bytes. Every read checks the bounds; a false
/// return leaves the cursor unspecified.
class Reader {
public:
  explicit Reader(std::string_view Bytes)
      : P(reinterpret_cast<const uint8_t *>(Bytes.data())),
        End(P + Bytes.size()) {}

  bool atEnd() const { return P == End; }
  size_t remaining() const { return size_t(End - P); }

  /// The type of the next item without consuming it; false at the end.
  bool peek(Major &M) const {
    if (P == End)
      return false;
    M = Major(*P >> 5);
    return true;
  }

  /// Reads an item's head: its major type and argument. Simple values
  /// (major 7) give their code in V.
  bool head(Major &M, uint64_t &V) {
    if (P == End)
      return false;
    uint8_t Initial = *P++;
    M = Major(Initial >> 5);
    uint8_t Info = Initial & 31;
    if (Info < 24) {
      V = Info;
      return true;
    }
    if (Info > 27)
      return false; // indefinite lengths and reserved codes: not written
    unsigned Bytes = 1u << (Info - 24);
    if (remaining() < Bytes)
      return false;
    V = 0;
    for (unsigned I = 0; I < Bytes; ++I)
      V = (V << 8) | *P++;
    return true;
  }

  /// The next Size bytes (a text string's body).
  bool bytes(uint64_t Size, std::string_view &Out) {
    if (remaining() < Size)
      return false;
    Out = std::string_view(reinterpret_cast<const char *>(P), size_t(Size));
    P += Size;
    return true;
  }

private:
  const uint8_t *P;
  const uint8_t *End;
};

} // namespace cxxescape::cbor

#endif
