//===- Rules.h - The rule registry ------------------------------*- C++ -*-===//
#ifndef CXXESCAPE_RULES_H
#define CXXESCAPE_RULES_H

#include <string>
#include <vector>

namespace cxxescape {

struct RuleInfo {
  const char *Id;
  /// One line: what the rule reports.
  const char *Summary;
  /// The "What it finds" paragraph of docs/rules/<Id>.md, in Markdown with
  /// inline code spans (links to other pages become code spans). SARIF's
  /// fullDescription and help come from it.
  const char *Help;
  /// SARIF's precision: "high" when a finding is a flow the code really
  /// has; "medium" when it rests on an assumption (an unknown callee keeps
  /// what it is given).
  const char *Precision = "high";
  /// Whether `escape-*` turns the rule on. A rule that is off by default (a
  /// suggestion rather than a bug) is turned on only by a glob that names it
  /// exactly (`--checks=escape-*,escape-lifetimebound`).
  bool DefaultEnabled = true;
};

/// Every rule the bug mode reports, in documentation order.
const std::vector<RuleInfo> &allRules();

/// clang-tidy style check globs: "-*,escape-return,escape-s*".
class CheckFilter {
public:
  explicit CheckFilter(const std::string &Globs = "escape-*");
  /// Every rule, including those that are off by default: for an analysis
  /// whose findings each consumer filters with its own globs.
  /// Rules in Except stay off (a costly rule no consumer asked for).
  static CheckFilter everything(const std::vector<std::string> &Except = {});
  bool enabled(const std::string &Rule) const;
  /// Globs that name no known rule, for a warning.
  std::vector<std::string> unmatchedGlobs() const;

private:
  struct Glob {
    bool Positive;
    std::string Pattern;
  };
  std::vector<Glob> Globs;
  bool IncludeOffByDefault = false;
};

/// The registry's entry for Id, or null.
const RuleInfo *findRule(const std::string &Id);

bool globMatch(const std::string &Pattern, const std::string &Text);

} // namespace cxxescape

#endif
