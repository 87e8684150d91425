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
#include <vector>

namespace cxxescape {

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
  /// The entry's leaks for a call with NumSlots slots ("*" expanded).
  static FunctionSummary summaryFor(const ModelEntry &E, int NumSlots);

  size_t size() const { return Entries.size(); }

private:
  std::vector<ModelEntry> Entries;
};

} // namespace cxxescape

#endif
