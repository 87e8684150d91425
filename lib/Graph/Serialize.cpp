//===- Serialize.cpp - Graphs on disk -------------------------------------===//
//
// Every record of the IR lists its fields once, in a `fields` function that
// both the writer and the reader walk: adding a field to a struct is one line
// there (and, for an id, one line in Validate.cpp). A record is a CBOR array of
// its fields in that order, not an object (Cbor.h: written and read without
// a document tree in between), and every string is an index into one table
// of distinct strings: the names, notes and USRs repeat a lot.
// Every uint32_t is stored plus one (modulo 2^32), so that the ~0u of NoLoc,
// NoFunc and NoScope, frequent in locations and calls, takes one byte.
//
// What is read is checked before anyone uses it: the header (version, layout,
// payload size, checksum), the shape and type of every field, and that every
// id points into its table, so a damaged file is an error message, never a
// crash in the solver.
//
//===----------------------------------------------------------------------===//

#include "cxxescape/Serialize.h"

#include "GraphAccess.h"

#include "Cbor.h"

#include <atomic>
#include <concepts>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <limits>
#include <sstream>
#include <type_traits>
#include <unistd.h>
#include <unordered_map>

#ifndef CXX_ESCAPE_VERSION
#define CXX_ESCAPE_VERSION "0.0.0"
#endif

namespace cxxescape {

namespace {

constexpr std::string_view Magic = "cxx-escape-ir";

template <class T, class U>
concept Is = std::same_as<std::remove_const_t<T>, U>;

// The records, field by field. T is the struct or its const version.

template <class V, Is<Pos> T> void fields(V &F, T &P) {
  F(P.File), F(P.Line), F(P.Col);
}

template <class V, Is<Note> T> void fields(V &F, T &N) {
  F(N.Where), F(N.Why), F(N.Text);
}

template <class V, Is<ParamGuard> T> void fields(V &F, T &G) {
  F(G.Slot), F(G.Value), F(G.Equal);
}

template <class V, Is<Edge> T> void fields(V &F, T &E) {
  F(E.Src), F(E.Derefs), F(E.Flags), F(E.Store), F(E.Read), F(E.FieldW),
      F(E.FieldR), F(E.Notes), F(E.When), F(E.FieldP);
}

template <class V, Is<Leaks> T> void fields(V &F, T &L) {
  F(L.Heap), F(L.Result);
}

template <class V, Is<Leak> T> void fields(V &F, T &L) {
  F(L.Sink), F(L.Derefs), F(L.ContentSlot), F(L.Kind), F(L.Where), F(L.When),
      F(L.FieldR), F(L.FieldP), F(L.WrittenField);
}

template <class V, Is<SlotSummary> T> void fields(V &F, T &S) { F(S.Leaks); }

template <class V, Is<FunctionSummary> T> void fields(V &F, T &S) {
  F(S.Slots);
}

template <class V, Is<TextEdit> T> void fields(V &F, T &E) {
  F(E.File), F(E.Offset), F(E.Length), F(E.Text);
}

template <class V, Is<HeapifyPlan> T> void fields(V &F, T &P) {
  F(P.Form), F(P.Edits), F(P.Refusal), F(P.Type), F(P.OnGcHeap), F(P.SiteLine),
      F(P.SiteCol);
}

template <class V, Is<AllocFacts> T> void fields(V &F, T &A) {
  F(A.Form), F(A.Type), F(A.SizeKnown), F(A.Bytes), F(A.Holder), F(A.Freed),
      F(A.OwnerKeeps), F(A.OwnerChange);
}

template <class V, Is<Location> T> void fields(V &F, T &L) {
  // Not the solver's scratch (Derefs, WalkGen, ...): a fresh solve sets it.
  F(L.Kind), F(L.Sink), F(L.Name), F(L.Decl), F(L.Fn), F(L.Scope),
      F(L.ResultIndex), F(L.IsReference), F(L.Extended), F(L.Attrs), F(L.In),
      F(L.PtrOf), F(L.Via), F(L.EntryStore), F(L.ParamLeaks), F(L.Heapify),
      F(L.PointerFree), F(L.Frees), F(L.Alloc), F(L.Global);
}

template <class V, Is<Scope> T> void fields(V &F, T &S) {
  F(S.Parent), F(S.Fn), F(S.Depth), F(S.LoopDepth), F(S.FullExpr);
}

template <class V, Is<AttrSpot> T> void fields(V &F, T &A) {
  F(A.Eligible), F(A.HasFix), F(A.File), F(A.Offset), F(A.NoFixReason);
}

template <class V, Is<Function> T> void fields(V &F, T &Fn) {
  F(Fn.Name), F(Fn.Parent), F(Fn.BodyScope), F(Fn.Result), F(Fn.This),
      F(Fn.Params), F(Fn.Where), F(Fn.IsLambda), F(Fn.ReturnsRef), F(Fn.Usr),
      F(Fn.Overrides), F(Fn.Declared), F(Fn.Summary), F(Fn.LifetimeBoundSpots),
      F(Fn.WritesFields), F(Fn.ReadsGlobals), F(Fn.LoopCalls);
}

template <class V, Is<CallSite> T> void fields(V &F, T &C) {
  F(C.Caller), F(C.Callee), F(C.ModelName), F(C.Display), F(C.Where),
      F(C.Virtual), F(C.Indirect), F(C.Constructor), F(C.Slots), F(C.SlotNames),
      F(C.Result), F(C.Declared), F(C.NoEscape), F(C.SlotTexts),
      F(C.ReceiverKey), F(C.LibraryCallee), F(C.SlotStores),
      F(C.PlainContent), F(C.SlotKnown), F(C.SlotValues), F(C.After);
}

template <class V, Is<CallsBefore> T> void fields(V &F, T &C) {
  F(C.Obj), F(C.Calls), F(C.LoopCalls), F(C.Writes);
}

template <class V, Is<Store> T> void fields(V &F, T &S) {
  F(S.Conservative), F(S.Fn), F(S.OutlivesFunction), F(S.Survives),
      F(S.TracksReads), F(S.Reads), F(S.DstField), F(S.KilledBy);
}

/// The largest value of each enum, so a stray number is caught on reading.
constexpr uint64_t enumMax(LocKind) { return uint64_t(LocKind::Sink); }
constexpr uint64_t enumMax(SinkKind) { return uint64_t(SinkKind::Member); }
constexpr uint64_t enumMax(LeakSink) { return uint64_t(LeakSink::Content); }
constexpr uint64_t enumMax(AllocForm) { return uint64_t(AllocForm::Vector); }
constexpr uint64_t enumMax(FreeFacts) { return uint64_t(FreeFacts::Never); }
constexpr uint64_t enumMax(HeapifyForm) {
  return uint64_t(HeapifyForm::Parameter);
}

template <class V, Is<Graph> T> void fields(V &F, T &G) {
  GraphAccess::fields(F, G);
}

struct Counter {
  size_t N = 0;
  template <class T> void operator()(const T &) { ++N; }
};

/// A struct with a `fields` function: written as an array of its fields.
template <class T>
concept Record = requires(Counter &C, T &X) {
  fields(C, X);
};

/// Fields per record type, for the layout signature and the reader's checks.
template <class T> size_t fieldCount() {
  static const size_t N = [] {
    T X{};
    Counter C;
    fields(C, X);
    return C.N;
  }();
  return N;
}

/// One number per record type: a file written by a build with other records
/// has another signature and is refused up front.
std::string layoutSignature() {
  std::string S;
  for (size_t C :
       {fieldCount<Pos>(), fieldCount<Note>(), fieldCount<ParamGuard>(),
        fieldCount<Edge>(),
        fieldCount<Leaks>(), fieldCount<Leak>(), fieldCount<SlotSummary>(),
        fieldCount<FunctionSummary>(), fieldCount<Location>(),
        fieldCount<Scope>(), fieldCount<Function>(), fieldCount<CallSite>(),
        fieldCount<Store>(), fieldCount<Graph>(), fieldCount<TextEdit>(),
        fieldCount<HeapifyPlan>(), fieldCount<AttrSpot>(),
        fieldCount<CallsBefore>(),
        fieldCount<AllocFacts>()})
    S += (S.empty() ? "" : ".") + std::to_string(C);
  return S;
}

class StringTable {
public:
  uint32_t id(const std::string &S) {
    auto [It, New] = Index.try_emplace(S, static_cast<uint32_t>(List.size()));
    if (New)
      List.push_back(&It->first);
    return It->second;
  }
  void write(cbor::Writer &W) const {
    W.array(List.size());
    for (const std::string *S : List)
      W.text(*S);
  }

private:
  std::unordered_map<std::string, uint32_t> Index;
  std::vector<const std::string *> List; // in id order; keys of Index
};

/// Writes each record as a CBOR array of its fields, straight to bytes.
class Writer {
public:
  Writer(StringTable &Strings, std::string &Out) : Strings(Strings), W(Out) {}

  void operator()(const std::string &S) { W.unsignedInt(Strings.id(S)); }
  void operator()(bool B) { W.boolean(B); }
  void operator()(uint32_t V) { W.unsignedInt(static_cast<uint32_t>(V + 1)); }
  template <std::integral T> void operator()(T V) {
    if constexpr (std::is_signed_v<T>)
      W.signedInt(V);
    else
      W.unsignedInt(V);
  }
  template <class T>
  requires std::is_enum_v<T>
  void operator()(T V) { W.unsignedInt(static_cast<uint64_t>(V)); }
  template <class T, size_t N> void operator()(const T (&A)[N]) {
    W.array(N);
    for (const T &E : A)
      (*this)(E);
  }
  template <class T> void operator()(const std::vector<T> &V) {
    W.array(V.size());
    for (const T &E : V)
      (*this)(E);
  }
  template <class T> void operator()(const ChunkedVector<T> &V) {
    W.array(V.size());
    for (const T &E : V)
      (*this)(E);
  }
  template <class T> void operator()(const Boxed<T> &B) { (*this)(*B); }
  template <Record T> void operator()(const T &R) {
    W.array(fieldCount<T>());
    fields(*this, R);
  }

private:
  StringTable &Strings;
  cbor::Writer W;
};

struct ReadError {
  std::string Where, What;
};

/// Reads the items of one CBOR array (Count of them) from the shared
/// cursor, checking each one's type and range as it goes.
class Reader {
public:
  Reader(cbor::Reader &In, uint64_t Count,
         const std::vector<std::string> &Strings)
      : In(In), Count(Count), Strings(Strings) {}

  void operator()(std::string &S) {
    uint32_t I = integer<uint32_t>();
    if (I >= Strings.size())
      fail("string " + std::to_string(I) + " is not in the table");
    S = Strings[I];
  }
  void operator()(bool &B) {
    cbor::Major M;
    uint64_t V;
    item(M, V);
    if (M != cbor::Simple || (V != (cbor::True & 31) && V != (cbor::False & 31)))
      fail("expected a boolean");
    B = V == (cbor::True & 31);
  }
  void operator()(uint32_t &V) { V = integer<uint32_t>() - 1; }
  template <std::integral T> void operator()(T &V) { V = integer<T>(); }
  template <class T>
  requires std::is_enum_v<T>
  void operator()(T &V) {
    uint64_t U = integer<uint64_t>();
    if (U > enumMax(T{}))
      fail("enumerator " + std::to_string(U) + " out of range");
    V = static_cast<T>(U);
  }
  template <class T, size_t N> void operator()(T (&A)[N]) {
    Reader Sub(In, array(N), Strings);
    for (size_t I = 0; I < N; ++I)
      Sub.element(I, A[I]);
  }
  template <class T> void operator()(ChunkedVector<T> &V) { sequence(V); }
  template <class T> void operator()(std::vector<T> &V) { sequence(V); }
  template <class Seq> void sequence(Seq &V) {
    uint64_t Size = array(SIZE_MAX);
    Reader Sub(In, Size, Strings);
    V.clear();
    V.resize(Size);
    for (size_t I = 0; I < V.size(); ++I)
      Sub.element(I, V[I]);
  }
  template <class T> void operator()(Boxed<T> &B) {
    T V{};
    (*this)(V);
    B = std::move(V);
  }
  template <Record T> void operator()(T &R) {
    Reader Sub(In, array(fieldCount<T>()), Strings);
    try {
      fields(Sub, R);
    } catch (ReadError &E) {
      E.Where = "." + std::to_string(Sub.Next - 1) + E.Where;
      throw;
    }
  }

private:
  cbor::Reader &In;
  uint64_t Count;
  const std::vector<std::string> &Strings;
  uint64_t Next = 0;

  [[noreturn]] void fail(std::string What) {
    throw ReadError{"", std::move(What)};
  }
  /// The next item's head; a text string's body is skipped.
  void item(cbor::Major &M, uint64_t &V) {
    if (Next >= Count)
      fail("record too short");
    ++Next;
    std::string_view Body;
    if (!In.head(M, V) || (M == cbor::Text && !In.bytes(V, Body)) ||
        M == 2 || M > cbor::Array && M != cbor::Simple)
      fail("malformed item");
  }
  template <std::integral T> T integer() {
    cbor::Major M;
    uint64_t V;
    item(M, V);
    if (M == cbor::Unsigned) {
      if (V > static_cast<uint64_t>(std::numeric_limits<T>::max()))
        fail("number " + std::to_string(V) + " out of range");
      return static_cast<T>(V);
    }
    if (M != cbor::Negative)
      fail("expected an integer");
    // The value is -1 - V.
    if (!std::is_signed_v<T> ||
        V > static_cast<uint64_t>(-(std::numeric_limits<T>::min() + 1)))
      fail("number -" + std::to_string(V) + "-1 out of range");
    return static_cast<T>(-1 - static_cast<int64_t>(V));
  }
  uint64_t array(size_t Size) {
    cbor::Major M;
    uint64_t V;
    item(M, V);
    if (M != cbor::Array)
      fail("expected an array");
    if (Size != SIZE_MAX && V != Size)
      fail("expected " + std::to_string(Size) + " fields, found " +
           std::to_string(V));
    // Every item takes at least a byte: a larger count is damage, and must
    // not allocate.
    if (V > In.remaining())
      fail("array of " + std::to_string(V) + " items is longer than the file");
    return V;
  }
  /// Reads element I, naming it in the error path.
  template <class T> void element(size_t I, T &X) {
    try {
      (*this)(X);
    } catch (ReadError &E) {
      E.Where = "[" + std::to_string(I) + "]" + E.Where;
      throw;
    }
  }
};

/// The payload is [string table, graph]; reads the table.
bool readStringTable(cbor::Reader &In, std::vector<std::string> &Strings) {
  cbor::Major M;
  uint64_t Size;
  if (!In.head(M, Size) || M != cbor::Array || Size != 2)
    return false;
  if (!In.head(M, Size) || M != cbor::Array || Size > In.remaining())
    return false;
  Strings.reserve(Size);
  for (uint64_t I = 0; I < Size; ++I) {
    uint64_t Length;
    std::string_view Body;
    if (!In.head(M, Length) || M != cbor::Text || !In.bytes(Length, Body))
      return false;
    Strings.emplace_back(Body);
  }
  return true;
}

/// FNV-1a, 64 bits: cheap, and enough to tell a damaged payload.
uint64_t checksum(std::string_view Bytes) {
  uint64_t H = 1469598103934665603ull;
  for (unsigned char C : Bytes) {
    H ^= C;
    H *= 1099511628211ull;
  }
  return H;
}

std::string hex(uint64_t V) {
  char Buf[17];
  std::snprintf(Buf, sizeof(Buf), "%016llx",
                static_cast<unsigned long long>(V));
  return Buf;
}

const char *const SectionNames[] = {
    "main file", "files", "locations", "scopes", "functions",
    "stores",    "calls", "heap",      "reads",  "read functions"};

} // namespace

const char *irToolVersion() { return CXX_ESCAPE_VERSION; }

std::string serializeGraph(const Graph &G) {
  // The graph first, to learn its strings; the table goes before it.
  StringTable Strings;
  std::string GraphBytes;
  Writer W(Strings, GraphBytes);
  W(G);
  std::string Body;
  cbor::Writer Out(Body);
  Out.array(2);
  Strings.write(Out);
  Body += GraphBytes;
  std::ostringstream Header;
  Header << Magic << ' ' << IRFormatVersion << ' ' << irToolVersion() << ' '
         << layoutSignature() << ' ' << Body.size() << ' '
         << hex(checksum(Body)) << '\n';
  return Header.str() + Body;
}

bool deserializeGraph(std::string_view Bytes, Graph &G, std::string &Error) {
  size_t EOL = Bytes.find('\n');
  std::string_view Line =
      Bytes.substr(0, EOL == std::string_view::npos ? 0 : EOL);
  if (Line.substr(0, Magic.size()) != Magic ||
      (Line.size() > Magic.size() && Line[Magic.size()] != ' ')) {
    Error = "not a cxx-escape IR file";
    return false;
  }
  std::istringstream Fields{std::string(Line.substr(Magic.size()))};
  std::string Format, Tool, Layout, Size, Sum;
  Fields >> Format >> Tool >> Layout >> Size >> Sum;
  if (Format != std::to_string(IRFormatVersion)) {
    Error = "IR format version " + (Format.empty() ? "?" : Format) +
            ", this cxx-escape reads version " +
            std::to_string(IRFormatVersion) + "; lower the sources again";
    return false;
  }
  if (Tool != irToolVersion()) {
    Error = "written by cxx-escape " + Tool + ", this is " + irToolVersion() +
            "; lower the sources again";
    return false;
  }
  if (Layout != layoutSignature()) {
    Error = "IR record layout " + Layout + " differs from this build's (" +
            layoutSignature() + "); lower the sources again";
    return false;
  }
  std::string_view Body = Bytes.substr(EOL + 1);
  if (Size != std::to_string(Body.size())) {
    Error = "truncated or damaged: " + std::to_string(Body.size()) +
            " payload bytes, the header says " + Size;
    return false;
  }
  if (Sum != hex(checksum(Body))) {
    Error = "checksum mismatch: the file is damaged";
    return false;
  }

  cbor::Reader In(Body);
  std::vector<std::string> Strings;
  if (!readStringTable(In, Strings)) {
    Error = "malformed IR payload";
    return false;
  }
  G = Graph();
  try {
    Reader R(In, 1, Strings);
    R(G);
  } catch (ReadError &E) {
    // The path starts with the graph's field: name the section.
    std::string Where = E.Where;
    if (Where.rfind(".", 0) == 0) {
      size_t End = Where.find_first_of(".[", 1);
      unsigned Section = std::stoul(Where.substr(1, End - 1));
      if (Section < std::size(SectionNames))
        Where = SectionNames[Section] +
                (End == std::string::npos ? "" : Where.substr(End));
    }
    Error =
        "malformed IR at " + (Where.empty() ? "top" : Where) + ": " + E.What;
    return false;
  }
  if (!In.atEnd()) {
    Error = "malformed IR payload";
    return false;
  }
  GraphAccess::rebuildIndex(G);
  std::string Invalid = GraphAccess::validate(G);
  if (!Invalid.empty()) {
    Error = "invalid IR: " + Invalid;
    return false;
  }
  return true;
}

bool writeGraphFile(const Graph &G, const std::string &Path,
                    std::string &Error) {
  std::string Bytes = serializeGraph(G);
  // A unique temporary per process and call; rename is atomic.
  static std::atomic<unsigned> Counter{0};
  std::string Tmp = Path + ".tmp" + std::to_string(::getpid()) + "." +
                    std::to_string(Counter++);
  {
    std::ofstream Out(Tmp, std::ios::binary | std::ios::trunc);
    Out.write(Bytes.data(), static_cast<std::streamsize>(Bytes.size()));
    Out.close();
    if (!Out) {
      std::remove(Tmp.c_str());
      Error = Path + ": cannot write the IR file";
      return false;
    }
  }
  if (std::rename(Tmp.c_str(), Path.c_str()) != 0) {
    std::remove(Tmp.c_str());
    Error = Path + ": cannot write the IR file";
    return false;
  }
  return true;
}

bool readGraphFile(const std::string &Path, Graph &G, std::string &Error) {
  std::ifstream In(Path, std::ios::binary);
  if (!In) {
    Error = Path + ": cannot read the IR file";
    return false;
  }
  std::string Bytes((std::istreambuf_iterator<char>(In)),
                    std::istreambuf_iterator<char>());
  if (In.bad()) {
    Error = Path + ": cannot read the IR file";
    return false;
  }
  if (!deserializeGraph(Bytes, G, Error)) {
    Error = Path + ": " + Error;
    return false;
  }
  return true;
}

} // namespace cxxescape
