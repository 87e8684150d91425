//===- Models.cpp - Library models read from JSON -------------------------===//
//
// A model file is parsed completely before any of its entries is kept, so a
// file with a mistake changes nothing. People write these files by hand:
// every message is one line that names the file, the entry and the key.
//
//===----------------------------------------------------------------------===//

#include "cxxescape/Models.h"
#include "BuiltinModels.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace cxxescape {

namespace {

using nlohmann::json;

/// Stands for `*` in a compiled glob; model names never contain a NUL.
constexpr char Wild = '\0';
/// No real model needs more stars than this; a bigger number is a typo.
constexpr int MaxLevel = 64;
/// Slot key "*" while parsing.
constexpr int AnySlot = -1;

/// A problem inside one entry; loadText adds the file and entry in front.
struct EntryError {
  std::string Msg;
};

[[noreturn]] void fail(std::string Msg) { throw EntryError{std::move(Msg)}; }

bool isIdentChar(char C) {
  return std::isalnum(static_cast<unsigned char>(C)) || C == '_';
}

/// `operator*` names the dereference operator, not "every operator": a star
/// right after the word `operator` is literal. Other stars are wildcards
/// unless escaped (`operator->\*`).
bool starIsOperator(const std::string &G, size_t I) {
  static const std::string Word = "operator";
  if (I < Word.size() || G.compare(I - Word.size(), Word.size(), Word) != 0)
    return false;
  return I == Word.size() || !isIdentChar(G[I - Word.size() - 1]);
}

std::string compileGlob(const std::string &G) {
  std::string P;
  for (size_t I = 0; I < G.size(); ++I) {
    if (G[I] == '\\' && I + 1 < G.size())
      P += G[++I];
    else if (G[I] == '*' && !starIsOperator(G, I))
      P += Wild;
    else
      P += G[I];
  }
  return P;
}

/// Iterative wildcard matching, backtracking to the last wildcard.
bool matchCompiled(const std::string &P, const std::string &T) {
  size_t PI = 0, TI = 0, Star = std::string::npos, Mark = 0;
  while (TI < T.size()) {
    if (PI < P.size() && P[PI] == Wild) {
      Star = PI++;
      Mark = TI;
    } else if (PI < P.size() && P[PI] == T[TI]) {
      ++PI;
      ++TI;
    } else if (Star != std::string::npos) {
      PI = Star + 1;
      TI = ++Mark;
    } else {
      return false;
    }
  }
  while (PI < P.size() && P[PI] == Wild)
    ++PI;
  return PI == P.size();
}

/// "this" is slot 0, "N" (a declared parameter, from 0) is slot N+1, "*"
/// every declared parameter.
int parseSlot(const std::string &Key, bool AllowAny) {
  if (Key == "this")
    return ThisSlot;
  if (Key == "*" && AllowAny)
    return AnySlot;
  bool Digits = !Key.empty() && Key.size() <= 4 &&
                std::all_of(Key.begin(), Key.end(),
                            [](char C) { return C >= '0' && C <= '9'; });
  if (!Digits || (Key.size() > 1 && Key[0] == '0'))
    fail("unknown slot '" + Key + "' (use \"this\", \"0\", \"1\", ..." +
         std::string(AllowAny ? " or \"*\")" : ")"));
  return std::stoi(Key) + 1;
}

int parseLevel(const json &V, const std::string &What) {
  bool Ok = V.is_number_integer() &&
            (V.is_number_unsigned()
                 ? V.get<uint64_t>() <= MaxLevel
                 : V.get<int64_t>() >= 0 && V.get<int64_t>() <= MaxLevel);
  if (!Ok)
    fail("the level of " + What + " must be an integer from 0 to " +
         std::to_string(MaxLevel) + ", not " + V.dump());
  return V.get<int>();
}

std::string parseKind(const json &V) {
  if (!V.is_string())
    fail("'kind' must be a string, not " + V.dump());
  std::string K = V.get<std::string>();
  if (K != "container" && K != "view" && K != "thread")
    fail("unknown kind '" + K +
         "' (use \"container\", \"view\" or \"thread\")");
  return K;
}

bool sinkNamed(const std::string &Name, LeakSink &S) {
  static const std::pair<const char *, LeakSink> Sinks[] = {
      {"result", LeakSink::Result},
      {"heap", LeakSink::Heap},
      {"global", LeakSink::Global},
      {"thread", LeakSink::Thread},
      {"throw", LeakSink::Throw}};
  for (const auto &[N, Sink] : Sinks)
    if (Name == N) {
      S = Sink;
      return true;
    }
  return false;
}

/// One slot's sinks: {"result": 0, "content": {"this": 1}, "kind": "view"}.
SlotSummary parseSlotLeaks(const json &V, const std::string &SlotKey,
                           const std::string &EntryKind) {
  std::string Where = "slot '" + SlotKey + "'";
  if (!V.is_object())
    fail(Where + " must be an object of sinks, not " + V.dump());
  // A slot may name its own kind: a map's operator[] stores its key
  // (container) and hands out a reference into itself (view).
  std::string Kind = EntryKind;
  if (auto It = V.find("kind"); It != V.end())
    Kind = parseKind(*It);
  SlotSummary Out;
  for (auto It = V.begin(); It != V.end(); ++It) {
    const std::string &Key = It.key();
    if (Key == "kind")
      continue;
    Leak L;
    L.Kind = Kind;
    if (Key == "content") {
      if (!It->is_object())
        fail(Where + ": 'content' must be an object of slots, not " +
             It->dump());
      for (auto C = It->begin(); C != It->end(); ++C) {
        L.Sink = LeakSink::Content;
        L.ContentSlot = parseSlot(C.key(), /*AllowAny=*/false);
        L.Derefs = parseLevel(*C, Where + " 'content' '" + C.key() + "'");
        Out.add(L);
      }
      continue;
    }
    if (!sinkNamed(Key, L.Sink))
      fail("unknown sink '" + Key +
           "' (use result, heap, global, thread, throw or content)");
    L.Derefs = parseLevel(*It, Where + " '" + Key + "'");
    Out.add(L);
  }
  return Out;
}

ModelEntry parseEntry(const json &J) {
  if (!J.is_object())
    fail("an entry must be an object, not " + J.dump());
  static const char *Known[] = {"names", "leaks",   "kind", "params",
                                "note",  "removes", "waits"};
  for (auto It = J.begin(); It != J.end(); ++It)
    if (std::find(std::begin(Known), std::end(Known), It.key()) ==
        std::end(Known))
      fail("unknown key '" + It.key() +
           "' (use names, leaks, kind, params, note, removes, waits)");

  ModelEntry E;
  auto Names = J.find("names");
  if (Names == J.end())
    fail("missing 'names'");
  if (!Names->is_array() || Names->empty())
    fail("'names' must be a non-empty array of strings");
  for (const json &N : *Names) {
    if (!N.is_string() || N.get<std::string>().empty())
      fail("'names' must be a non-empty array of strings, not containing " +
           N.dump());
    E.Names.push_back(N.get<std::string>());
  }
  std::string Kind;
  if (auto It = J.find("kind"); It != J.end())
    Kind = parseKind(*It);
  if (auto It = J.find("note"); It != J.end() && !It->is_string())
    fail("'note' must be a string");
  if (auto It = J.find("removes"); It != J.end()) {
    if (!It->is_boolean())
      fail("'removes' must be true or false, not " + It->dump());
    E.Removes = It->get<bool>();
  }
  if (auto It = J.find("waits"); It != J.end()) {
    std::string W = It->is_string() ? It->get<std::string>() : "";
    if (W == "until")
      E.Waits = WaitKind::Until;
    else if (W == "step")
      E.Waits = WaitKind::Step;
    else
      fail("'waits' must be \"until\" or \"step\", not " + It->dump());
  }
  if (auto It = J.find("params"); It != J.end()) {
    if (!It->is_number_integer() || It->get<int64_t>() < 0 ||
        It->get<int64_t>() > 1000)
      fail("'params' must be a non-negative integer, not " + It->dump());
    E.Params = It->get<int>();
  }

  auto Leaks = J.find("leaks");
  if (Leaks == J.end())
    fail("missing 'leaks' (use {} for a function that keeps nothing)");
  if (!Leaks->is_object())
    fail("'leaks' must be an object keyed by slot, not " + Leaks->dump());
  SlotSummary Any;
  for (auto It = Leaks->begin(); It != Leaks->end(); ++It) {
    int Slot = parseSlot(It.key(), /*AllowAny=*/true);
    SlotSummary S = parseSlotLeaks(*It, It.key(), Kind);
    for (const Leak &L : S.Leaks) {
      if (Slot == AnySlot)
        Any.add(L);
      else
        E.Slots.slot(Slot).add(L);
    }
  }
  E.AnyParam = std::move(Any.Leaks);
  return E;
}

/// The first name of an entry, for messages, if it has one.
std::string labelOf(const json &J) {
  if (!J.is_object())
    return "";
  auto Names = J.find("names");
  if (Names == J.end() || !Names->is_array() || Names->empty() ||
      !(*Names)[0].is_string())
    return "";
  return (*Names)[0].get<std::string>();
}

/// nlohmann's message without its "[json.exception.parse_error.101] " tag.
std::string shortReason(const std::string &What) {
  std::string R = What;
  if (!R.empty() && R[0] == '[')
    if (size_t Close = R.find("] "); Close != std::string::npos)
      R = R.substr(Close + 2);
  std::replace(R.begin(), R.end(), '\n', ' ');
  return R;
}

} // namespace

bool ModelSet::nameMatches(const std::string &Glob, const std::string &Name) {
  return matchCompiled(compileGlob(Glob), Name);
}

bool ModelSet::loadText(const std::string &Text, const std::string &Origin,
                        std::string &Error) {
  json J;
  try {
    J = json::parse(Text);
  } catch (const json::exception &E) {
    Error = Origin + ": not valid JSON: " + shortReason(E.what());
    return false;
  }
  if (!J.is_object()) {
    Error = Origin + ": the top level must be an object with \"functions\"";
    return false;
  }
  for (auto It = J.begin(); It != J.end(); ++It) {
    if (It.key() == "version") {
      if (!It->is_number_integer() || It->get<int64_t>() != 1) {
        Error = Origin + ": unsupported version " + It->dump() +
                " (this tool reads version 1)";
        return false;
      }
    } else if (It.key() != "functions") {
      Error =
          Origin + ": unknown key '" + It.key() + "' (use version, functions)";
      return false;
    }
  }
  auto Functions = J.find("functions");
  if (Functions == J.end() || !Functions->is_array()) {
    Error = Origin + ": 'functions' must be an array of entries";
    return false;
  }

  std::vector<ModelEntry> Parsed;
  for (size_t I = 0; I < Functions->size(); ++I) {
    const json &EJ = (*Functions)[I];
    std::string Where = Origin + ": entry " + std::to_string(I + 1);
    if (std::string Label = labelOf(EJ); !Label.empty())
      Where += " ('" + Label + "')";
    try {
      Parsed.push_back(parseEntry(EJ));
    } catch (const EntryError &E) {
      Error = Where + ": " + E.Msg;
      return false;
    } catch (const json::exception &E) {
      // Type checks above should make this unreachable; keep one line.
      Error = Where + ": " + shortReason(E.what());
      return false;
    }
    Parsed.back().Origin = Where;
  }
  FileStart.push_back(Entries.size());
  for (ModelEntry &E : Parsed)
    Entries.push_back(std::move(E));
  reindex();
  return true;
}

bool ModelSet::loadFile(const std::string &Path, std::string &Error) {
  std::error_code EC;
  std::ifstream In(Path, std::ios::binary);
  // A directory opens fine on Linux and then reads as nothing.
  if (!In.is_open() || std::filesystem::is_directory(Path, EC)) {
    Error = Path + ": cannot read the model file";
    return false;
  }
  std::string Text((std::istreambuf_iterator<char>(In)),
                   std::istreambuf_iterator<char>());
  if (In.bad()) {
    Error = Path + ": cannot read the model file";
    return false;
  }
  return loadText(Text, Path, Error);
}

bool ModelSet::loadBuiltin(std::string &Error) {
  for (unsigned I = 0; I < NumBuiltinModelFiles; ++I) {
    const BuiltinModelFile &F = BuiltinModelFiles[I];
    if (F.Name && !loadText(F.Text, F.Name, Error))
      return false;
  }
  return true;
}

void ModelSet::reindex() {
  Globs.clear();
  Exact.clear();
  size_t Rank = 0;
  for (size_t File = FileStart.size(); File-- > 0;) {
    size_t End =
        File + 1 < FileStart.size() ? FileStart[File + 1] : Entries.size();
    for (size_t I = FileStart[File]; I < End; ++I, ++Rank) {
      for (const std::string &Name : Entries[I].Names) {
        Compiled C{Rank, I, compileGlob(Name)};
        if (C.Pattern.find(Wild) == std::string::npos)
          Exact[C.Pattern].push_back(C);
        else
          Globs.push_back(std::move(C));
      }
    }
  }
}

const ModelEntry *ModelSet::lookup(const std::string &ModelName) const {
  return lookup(ModelName, -1);
}

const ModelEntry *ModelSet::lookup(const std::string &ModelName,
                                   int NumParams) const {
  auto Fits = [&](const Compiled &C) {
    int P = Entries[C.Entry].Params;
    return P < 0 || P == NumParams;
  };
  const Compiled *Best = nullptr;
  if (auto It = Exact.find(ModelName); It != Exact.end())
    for (const Compiled &C : It->second)
      if (Fits(C)) {
        Best = &C;
        break;
      }
  // Globs are in rank order: stop at the first that beats the exact hit.
  for (const Compiled &C : Globs) {
    if (Best && C.Rank > Best->Rank)
      break;
    if (Fits(C) && matchCompiled(C.Pattern, ModelName)) {
      Best = &C;
      break;
    }
  }
  return Best ? &Entries[Best->Entry] : nullptr;
}

FunctionSummary ModelSet::summaryFor(const ModelEntry &E, int NumSlots) {
  FunctionSummary S;
  if (NumSlots <= 0)
    return S;
  S.Slots.resize(NumSlots);
  // A model may name more parameters than a call has (another overload, C
  // varargs declared differently): flows to or from missing slots are
  // dropped rather than indexed out of range.
  auto Keep = [&](const Leak &L) {
    return L.Sink != LeakSink::Content || L.ContentSlot < NumSlots;
  };
  int Known = std::min<int>(NumSlots, E.Slots.Slots.size());
  for (int I = 0; I < Known; ++I)
    for (const Leak &L : E.Slots.Slots[I].Leaks)
      if (Keep(L))
        S.slot(I).add(L);
  for (int I = 1; I < NumSlots; ++I)
    for (const Leak &L : E.AnyParam)
      if (Keep(L))
        S.slot(I).add(L);
  return S;
}

} // namespace cxxescape
