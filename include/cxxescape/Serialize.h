//===- Serialize.h - Graphs on disk -----------------------------*- C++ -*-===//
//
// A lowered translation unit can be written to a file and linked later, so
// that lowering runs in many CI jobs (shards) and linking in one. The file is
// a one-line text header followed by the graph in CBOR:
//
//   cxx-escape-ir <format> <tool version> <layout> <bytes> <checksum>\n
//
// A file of another format version, tool version or record layout is
// refused: the lowering it holds may differ from what this build produces.
// docs/usage.md describes the files from the user's side.
//
//===----------------------------------------------------------------------===//
#ifndef CXXESCAPE_SERIALIZE_H
#define CXXESCAPE_SERIALIZE_H

#include "cxxescape/Graph.h"

#include <string>
#include <string_view>

namespace cxxescape {

/// Bump when a record changes meaning. Adding or removing a field changes the
/// layout signature of the header by itself, so old files are refused even
/// if this number is forgotten.
constexpr unsigned IRFormatVersion = 3;

/// The suffix of IR files written by the driver.
constexpr const char IRFileSuffix[] = ".cxxir";

/// The tool version written into, and required of, IR files.
const char *irToolVersion();

/// The whole file: header and payload. Deterministic: the same graph gives
/// the same bytes.
std::string serializeGraph(const Graph &G);

/// Replaces G with the graph in Bytes. On failure returns false and sets
/// Error to one line (without a file name); G is then unspecified.
bool deserializeGraph(std::string_view Bytes, Graph &G, std::string &Error);

/// Writes the file through a temporary in the same directory, so a reader
/// never sees half a file. Error names Path.
bool writeGraphFile(const Graph &G, const std::string &Path,
                    std::string &Error);

/// Reads a file written by writeGraphFile. Error names Path.
bool readGraphFile(const std::string &Path, Graph &G, std::string &Error);

} // namespace cxxescape

#endif
