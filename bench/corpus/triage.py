#!/usr/bin/env python3
"""Tables of the corpus findings with their triage verdicts.

    bench/corpus/triage.py WORKDIR/findings MODE   # MODE: default or intra

Reads WORKDIR/findings/<project>.<MODE>.json (cxx-escape --format=json) and
prints one Markdown row per finding: where, rule, object, verdict (TP/FP),
class and a one-line reason. The verdicts below were made by reading the
source of each finding; a finding no entry matches prints as UNTRIAGED, so
a new finding after an engine change shows up.
"""
import glob
import json
import os
import re
import sys

# (regex over "relative/path:line rule message", verdict, class, reason)
VERDICTS = [
    (r"test_lib_json/main\.cpp:\d+ escape-member .*'_minitest_Context'",
     "FP", "C1 callee-undoes",
     "JSONTEST_ASSERT_PRED links a stack node into the result's predicate "
     "list; popPredicateContext(), called before the scope ends, unlinks it"),
    (r"fmtlib.*/test/(format-test|gtest-extra-test)\.cc:\d+ escape-temporary",
     "FP", "C2 caught-temporary",
     "`throw X(...)` caught by `catch (const X &e)` in the same function: e "
     "binds the exception object, not the temporary operand"),
    (r"re2/testing/backtrack\.cc:122 escape-member",
     "TP", "benign",
     "Search() leaves submatch_ = &sp0 in the Backtracker after returning; "
     "every later Search() re-sets it before use"),
    (r"snappy-test\.cc:469 escape-member",
     "TP", "benign",
     "UncompressChunkDone() leaves uncomp_stream_.next_in/next_out pointing "
     "at dead locals; every later inflate() call re-sets them first"),
    (r"json_reader\.cpp:108 escape-view",
     "TP", "bug",
     "Reader::parse(istream&) parses a local String; begin_/end_ and the "
     "error tokens keep pointing into it, and getFormattedErrorMessages() "
     "reads them after parse() returned (use after free)"),
    (r"db/db_test\.cc:1587 escape-member",
     "TP", "latent",
     "the fixture's db_ keeps &cmp (options.comparator) after TestBody "
     "returns; ~DBTest closes the DB later, when cmp is dead"),
    (r"db/db_test\.cc:1548 escape-member",
     "FP", "C5 conditional-store",
     "TryReopen keeps the options only when DB::Open succeeds; the test "
     "asserts that it fails"),
    (r"db/db_test\.cc:2026 escape-thread|util/env_test\.cc:(89|126|127|128|129|159) "
     r"escape-(thread|container)",
     "FP", "C6 synchronised",
     "the test waits (flag or condition variable) until the thread or "
     "scheduled callback is done before the object dies"),
    (r"posix-mock-test\.cc:453 escape-global",
     "FP", "C3 raii-register",
     "scoped_mock's constructor stores this in a static, its destructor "
     "resets it to nullptr"),
    (r"re2.* escape-(global|temporary|view) .*hooks::context",
     "FP", "C4 context-pointer",
     "RE2 matching sets the thread_local hooks::context = this; it is read "
     "only by hooks during a later match, which sets it first (re2.h: valid "
     "only during the hook)"),
    (r"fmt/format\.h:4132 escape-member",
     "FP", "C7 whole-object",
     "visit_format_arg(f, arg) returns f's output iterator; the summary "
     "says the result carries everything f holds, including &specs"),
    (r"tinyxml2\.cpp:\d+ escape-member .*'buf'",
     "FP", "C5 conditional-store",
     "SetText(buf) copies the text (SetValue(str, staticMem=false)); only "
     "staticMem=true keeps the pointer"),
    (r"build_test\.cc:\d+ escape-view",
     "FP", "C8 string-copy",
     "Builder::Build writes an error message (a new string) into *err; the "
     "summary says *err keeps what the builder points to (state, deps_log)"),
]


def main():
    directory, mode = sys.argv[1], sys.argv[2]
    rows = []
    counts = {}
    for path in sorted(glob.glob(os.path.join(directory, f"*.{mode}.json"))):
        project = os.path.basename(path).split(".")[0]
        for f in json.load(open(path))["findings"]:
            loc = f["location"]
            where = re.sub(r"^.*?/corpus/", "", loc["path"])
            key = f"{where}:{loc['line']} {f['rule']} {f['message']}"
            verdict, klass, reason = "UNTRIAGED", "-", "-"
            for pattern, v, c, r in VERDICTS:
                if re.search(pattern, key):
                    verdict, klass, reason = v, c, r
                    break
            obj = re.search(r"'([^']+)'", f["message"])
            rows.append((project, f"{where}:{loc['line']}", f["rule"],
                         obj.group(1) if obj else "", verdict, klass, reason))
            counts[(verdict, klass)] = counts.get((verdict, klass), 0) + 1
    print("| # | Project | Location | Rule | Object | Verdict | Class | Reason |")
    print("|---:|---|---|---|---|---|---|---|")
    for i, r in enumerate(rows, 1):
        print(f"| {i} | " + " | ".join(r) + " |")
    print()
    print("| Verdict | Class | Findings |")
    print("|---|---|---:|")
    for (v, c), n in sorted(counts.items()):
        print(f"| {v} | {c} | {n} |")
    print(f"| all | | {len(rows)} |")


if __name__ == "__main__":
    main()
