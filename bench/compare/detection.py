#!/usr/bin/env python3
"""Detection comparison over the project's own lit cases, one row per rule.

    bench/compare/detection.py --cxx-escape BUILD/bin/cxx-escape \
        [--out docs/comparison.md]

For every rule with lit-tests/rules/<rule>.cpp (positive cases: each
`// CHECK: ...:[[@LINE+K]]:` names the line of one expected finding) and
<rule>-negative.cpp (every function is a case that must stay quiet), it runs

  clang-19 warnings   clang++-19 -fsyntax-only -Wall -Wextra (dangling and
                      stack-address warnings: -Wreturn-stack-address,
                      -Wdangling*, ...)
  clang-19 --analyze  the static analyzer's default checkers
  g++-12 -O2 -Wall    -Wreturn-local-addr, -Wdangling-pointer
  cppcheck            its lifetime and auto-variable checks
  cxx-escape          with the options of the file's own RUN line

and counts, per tool, the positive cases it reports (a relevant warning
inside the function of the case) and the negative functions it reports
(false positives). A case is the top-level function (or class) that holds
the expected line; relevant warnings are those about stack lifetimes, whatever
rule name the tool gives them.
"""
import argparse
import datetime
import os
import platform
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
RULES_DIR = os.path.join(REPO, "lit-tests", "rules")
STD = "-std=c++20"

CLANG_FLAGS = re.compile(r"\[-W(return-stack-address|dangling[-a-z]*|"
                         r"return-local-addr|address-of-temporary|"
                         r"stack-address[-a-z]*)[,\]]")
GCC_FLAGS = re.compile(r"\[-W(return-local-addr|dangling-pointer[=0-9]*|"
                       r"dangling-reference)\]")
ANALYZER = re.compile(r"stack memory|stack address|dangling|"
                      r"\[core\.StackAddressEscape\]|"
                      r"\[cplusplus\.(InnerPointer|NewDelete)\]|"
                      r"after (it is )?(released|freed|destroyed)|"
                      r"use of memory after", re.I)
CPPCHECK_IDS = {
    "autoVariables", "returnLocalVariable", "returnAddressOfAutoVariable",
    "returnReference", "returnTempReference", "returnDanglingLifetime",
    "danglingLifetime", "danglingReference", "danglingTemporaryLifetime",
    "danglingTempReference", "invalidLifetime", "invalidContainer",
    "returnAddressOfFunctionParameter",
}
WARNING = re.compile(r"^(.*?):(\d+):(\d+): (warning|error): (.*)$")


def run(argv):
    p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True)
    return p.stdout


def lines_of(output, path, keep):
    base = os.path.basename(path)
    found = set()
    for line in output.splitlines():
        m = WARNING.match(line)
        if m and os.path.basename(m.group(1)) == base and keep(m.group(5)):
            found.add(int(m.group(2)))
    return found


def tool_lines(tool, path, run_opts):
    if tool == "clang-19 warnings":
        out = run(["clang++-19", STD, "-fsyntax-only", "-Wall", "-Wextra",
                   path])
        return lines_of(out, path, lambda m: CLANG_FLAGS.search(m))
    if tool == "clang-19 --analyze":
        out = run(["clang++-19", STD, "--analyze", "-o", os.devnull, path])
        return lines_of(out, path, lambda m: ANALYZER.search(m))
    if tool == "g++-12 -O2 -Wall":
        out = run(["g++-12", STD, "-O2", "-Wall", "-Wextra", "-c", "-o",
                   os.devnull, path])
        return lines_of(out, path, lambda m: GCC_FLAGS.search(m))
    if tool == "cppcheck":
        out = run(["cppcheck", "--quiet", "--enable=warning", "--std=c++20",
                   "--language=c++", "--template={file}:{line}:0: warning: {id}",
                   path])
        return lines_of(out, path, lambda m: m.strip() in CPPCHECK_IDS)
    if tool == "cxx-escape":
        out = run([ARGS.cxx_escape, "--quiet", "--color=never"] + run_opts +
                  [path, "--", STD])
        return lines_of(out, path, lambda m: "[escape-" in m)
    raise ValueError(tool)


TOOLS = ["clang-19 warnings", "clang-19 --analyze", "g++-12 -O2 -Wall",
         "cppcheck", "cxx-escape"]


def functions(path):
    """[(first line, last line)] of top-level declarations with a body."""
    text = open(path).read().splitlines()
    spans = []
    start = None
    depth = 0
    for number, line in enumerate(text, 1):
        code = re.sub(r"//.*", "", line)
        code = re.sub(r'"([^"\\]|\\.)*"', '""', code)
        code = re.sub(r"'([^'\\]|\\.)*'", "''", code)
        if depth == 0 and start is None and code.strip() and \
                not code.startswith(("#", " ", "\t", "}")):
            start = number
        depth += code.count("{") - code.count("}")
        if start is not None and depth == 0 and ("}" in code or ";" in code):
            if "{" in "\n".join(text[start - 1:number]):
                spans.append((start, number))
            start = None
    return spans


def expected_lines(path):
    lines = set()
    for number, line in enumerate(open(path), 1):
        m = re.search(r"//\s*CHECK(-[A-Z]+)?:.*?\[\[@LINE([+-]\d+)?\]\]", line)
        if m and "warning:" in line:
            lines.add(number + int(m.group(2) or 0))
    return lines


def run_options(path):
    for line in open(path):
        m = re.match(r"//\s*RUN:.*%escape(.*?)%s", line)
        if m:
            return [o for o in m.group(1).split() if o.startswith("--")]
    return []


def span_of(spans, line):
    for s in spans:
        if s[0] <= line <= s[1]:
            return s
    return None


def main():
    global ARGS
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--cxx-escape", required=True)
    ap.add_argument("--out")
    ARGS = ap.parse_args()

    rules = sorted(f[:-4] for f in os.listdir(RULES_DIR)
                   if f.startswith("escape-") and f.endswith(".cpp")
                   and not f.endswith("-negative.cpp"))
    rows = []
    totals = {t: [0, 0, 0, 0] for t in TOOLS}  # found, cases, fp, negatives
    for rule in rules:
        pos = os.path.join(RULES_DIR, rule + ".cpp")
        neg = os.path.join(RULES_DIR, rule + "-negative.cpp")
        pos_spans = functions(pos)
        cases = {span_of(pos_spans, l) for l in expected_lines(pos)}
        cases.discard(None)
        neg_spans = functions(neg) if os.path.exists(neg) else []
        row = [rule, len(cases), len(neg_spans)]
        for tool in TOOLS:
            hits = tool_lines(tool, pos, run_options(pos))
            found = sum(1 for c in cases if any(c[0] <= h <= c[1]
                                                for h in hits))
            fps = 0
            if neg_spans:
                neg_hits = tool_lines(tool, neg, run_options(neg))
                fps = sum(1 for s in neg_spans if any(s[0] <= h <= s[1]
                                                      for h in neg_hits))
            row.append((found, fps))
            t = totals[tool]
            t[0] += found
            t[1] += len(cases)
            t[2] += fps
            t[3] += len(neg_spans)
        rows.append(row)
        print(rule, row[1:], file=sys.stderr)

    out = []
    out.append("| Rule | Positive cases | Negative functions | " +
               " | ".join(TOOLS) + " |")
    out.append("|---|---:|---:|" + "---:|" * len(TOOLS))
    for row in rows:
        cells = [f"{f}/{row[1]}, {fp} FP" for f, fp in row[3:]]
        out.append(f"| {row[0]} | {row[1]} | {row[2]} | " + " | ".join(cells) +
                   " |")
    cells = [f"**{t[0]}/{t[1]}, {t[2]} FP**" for t in totals.values()]
    out.append(f"| all | {sum(r[1] for r in rows)} | "
               f"{sum(r[2] for r in rows)} | " + " | ".join(cells) + " |")
    table = "\n".join(out)
    print(table)
    if ARGS.out:
        write_doc(ARGS.out, table, totals)


def write_doc(path, table, totals):
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    versions = {
        "clang": run(["clang++-19", "--version"]).splitlines()[0],
        "gcc": run(["g++-12", "--version"]).splitlines()[0],
        "cppcheck": run(["cppcheck", "--version"]).strip(),
    }
    rel = os.path.relpath(ARGS.cxx_escape, REPO)
    with open(path, "w") as f:
        f.write(f"""# Detection comparison on the lit cases

Generated by `bench/compare/detection.py` on
{datetime.date.today().isoformat()}, {platform.machine()}, {os.cpu_count()}
cores, {mem:.0f} GiB RAM, {platform.platform()} (Debian 12). Reproduce with:

```sh
python3 bench/compare/detection.py --cxx-escape {rel} --out docs/comparison.md
```

Each positive case is a function of `lit-tests/rules/<rule>.cpp` holding a
`CHECK` line for a finding; it counts as found when the tool reports a
stack-lifetime warning anywhere in that function (tools put their warning on
different lines: the store, the return, the end of the function). Each
function of `<rule>-negative.cpp` is a negative case; a stack-lifetime
warning in it is a false positive (FP). cxx-escape runs with the options of
the file's own `RUN` line (`--interprocedural` for the rules that need it).
"Found/cases, FP" per cell.

Tools: {versions['clang']} (warnings: `-Wall -Wextra`, counting
`-Wreturn-stack-address`, `-Wdangling*`; `--analyze` with the default
checkers, counting stack-address, dangling and use-after-free reports);
{versions['gcc']} (`-O2 -Wall -Wextra`, counting `-Wreturn-local-addr`,
`-Wdangling-pointer`); {versions['cppcheck']} (`--enable=warning`, counting
its lifetime and auto-variable ids).

The lit cases were written for cxx-escape's rules, so this table measures
how much of that ground each tool covers, not general bug-finding power.

{table}
""")


if __name__ == "__main__":
    main()
