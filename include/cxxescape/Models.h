//===- Models.h - Library behaviour as data ---------------------*- C++ -*-===//
//
// What std::vector::push_back or pthread_create do with their arguments is
// not in any body the engine sees. Model files state it in the same leak
// encoding as computed summaries (docs/models.md). The models shipped in
// models/ are compiled into the tool; users add files with --models.
//
//===----------------------------------------------------------------------===//
#ifndef CXXESCAPE_MODELS_H
#define CXXESCAPE_MODELS_H

#include "cxxescape/Summary.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace cxxescape {

/// How a call blocks its caller ("waits" in the file).
enum class WaitKind : uint8_t {
  None,
  /// Returns after a while, whether or not anything happened: a sleep, a
  /// condition-variable wait without a predicate. A loop around it waits.
  Step,
  /// Returns once another thread did something: a join, a future's get, a
  /// wait with a predicate.
  Until,
};

struct ModelEntry {
  /// Globs over CallSite::ModelName ("std::vector::push_back",
  /// "*iterator*::operator*").
  std::vector<std::string> Names;
  /// Leaks per slot: 0 is `this`, i+1 the i-th declared parameter.
  FunctionSummary Slots;
  /// Leaks of every declared parameter ("*" in the file).
  std::vector<Leak> AnyParam;
  /// "file.json: entry N" for messages.
  std::string Origin;
  /// Matches only calls with this many declared parameters ("params" in
  /// the file): std::min(a, b) and std::min(list) share a name but not a
  /// model. -1 matches any call.
  int Params = -1;
  /// The call takes elements out of the container it is called on
  /// (pop_back, erase, clear): a function that inserts a local's address
  /// and also removes from the same container is assumed to take it back.
  bool Removes = false;
  /// The call waits for another thread: a local handed to that thread
  /// before the wait is not dangling (Waits.cpp).
  WaitKind Waits = WaitKind::None;
};

class ModelSet {
public:
  /// Parses one model file's text. On error returns false and sets Error to
  /// one line naming Origin and the entry: "m.json: entry 3 ('f'): ...".
  bool loadText(const std::string &Text, const std::string &Origin,
                std::string &Error);
  /// Reads and parses a file; errors as for loadText.
  bool loadFile(const std::string &Path, std::string &Error);
  /// The models under models/ in the source tree, compiled in.
  bool loadBuiltin(std::string &Error);

  /// The first entry (later files first: users override the built-ins)
  /// whose name globs match; nullptr if none does.
  const ModelEntry *lookup(const std::string &ModelName) const;
  /// The same for a callee with NumParams declared parameters: entries with
  /// a "params" count match only that count. lookup(Name) is
  /// lookup(Name, -1), which skips every entry that has a count.
  const ModelEntry *lookup(const std::string &ModelName, int NumParams) const;
  /// The entry's leaks for a call with NumSlots slots ("*" expanded).
  static FunctionSummary summaryFor(const ModelEntry &E, int NumSlots);

  size_t size() const { return Entries.size(); }

  /// Whether a model-name glob matches: `*` is any run of characters,
  /// except right after the word `operator` where it is the operator's own
  /// star (`std::unique_ptr::operator*`); `\*` (in JSON "\\*") is a
  /// literal star anywhere.
  static bool nameMatches(const std::string &Glob, const std::string &Name);

private:
  void reindex();

  /// In the order loaded; FileStart[i] is where the i-th file's entries
  /// begin.
  std::vector<ModelEntry> Entries;
  std::vector<size_t> FileStart;
  /// Names by priority (Rank 0 first: the last file's first entry), each
  /// list in rank order. Names without a wildcard are hashed, so a lookup
  /// runs the matcher only on the globs.
  struct Compiled {
    size_t Rank;
    size_t Entry;
    std::string Pattern; // '\0' stands for the wildcard
  };
  std::vector<Compiled> Globs;
  std::unordered_map<std::string, std::vector<Compiled>> Exact;
};

} // namespace cxxescape

#endif
