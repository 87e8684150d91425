//===- Config.h - .cxx-escape.json / .cxx-escape.yaml -----------*- C++ -*-===//
//
// A configuration file found upward from each source file, like
// .clang-tidy. Options given on the command line win over the file.
//
//===----------------------------------------------------------------------===//
#ifndef CXXESCAPE_TOOL_CONFIG_H
#define CXXESCAPE_TOOL_CONFIG_H

#include <map>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cxxescape::driver {

struct Config {
  std::optional<std::string> Checks;
  std::optional<std::string> HeaderFilter;
  std::vector<std::string> Exclude;
  /// Rule id (or glob) to "warning", "error" or "note".
  std::map<std::string, std::string> Severities;
  /// Model files (docs/models.md), loaded after the built-in ones; paths
  /// in a file are relative to it and stored resolved. Program-wide.
  std::vector<std::string> Models;
  /// "ignore" or "escape". Program-wide.
  std::optional<std::string> UnknownCalls;
  /// See through calls (summaries, models, attributes). Program-wide.
  std::optional<bool> Interprocedural;
  /// escape-heap-to-stack's and Go mode's stack limit, in bytes.
  /// Program-wide.
  std::optional<uint64_t> MaxStackAlloc;
  /// The file it came from ("" for none).
  std::string Source;
};

/// Names of the files looked for, nearest first in each directory.
extern const char *const ConfigFileNames[2];

/// Parses one configuration file. On error returns nullopt and sets Error to
/// a one-line message naming the file (and the key, for unknown keys).
std::optional<Config> parseConfigFile(const std::string &Path,
                                      std::string &Error);

/// The nearest configuration file above Path (a file or directory); Found
/// is false when there is none. Parsed files are cached.
class ConfigFinder {
public:
  /// Returns nullopt on a broken file (Error says why).
  std::optional<Config> forPath(const std::string &Path, std::string &Error);

private:
  std::map<std::string, std::optional<Config>> ByDir;
  std::map<std::string, std::string> Errors;
};

/// Renders a configuration in the YAML form the loader accepts.
std::string dumpConfig(const Config &C);

} // namespace cxxescape::driver

#endif
