#!/usr/bin/env python3
"""Go parity suite: the Go compiler is the oracle for `cxx-escape -m`.

Each pair in CASES_DIR is NAME.go (a small program in the style of Go's own
test/escape*.go) and NAME.cpp (its C++ translation). Corresponding lines carry
the same tag comment, `// L: tag`, so verdicts are compared by tag, not by
line number. The Go side is `go build -gcflags='-m -l' NAME.go`; the C++ side
is `cxx-escape -m NAME.cpp -- -std=c++17`.

Go's words become C++ words before the comparison:
  func literal        -> lambda
  &T{...}, &T{}       -> new(T)
  new(*T)             -> new(T *)
and a pair may rename Go names (`// RENAME: b -> this`, a method receiver).

Where C++ semantics force another verdict, the .cpp file says so on its own
line, with the reason:
  // DIVERGE(tag) go="moved to heap: x" cxx="" why: ...
An empty side means "no verdict". The Go verdict must really be printed by Go
(a stale divergence is an error), and the reason must not be empty.

Exit status 0 when every pair matches; otherwise each difference is printed.
"""

import argparse
import collections
import os
import re
import shutil
import subprocess
import sys
import tempfile

TAG = re.compile(r"//\s*L:\s*(\S+)")
RENAME = re.compile(r"//\s*RENAME:\s*(\w+)\s*->\s*(\w+)")
DIVERGE = re.compile(
    r'//\s*DIVERGE\((\S+)\)\s+go="([^"]*)"\s+cxx="([^"]*)"\s+why:\s*(.*)$')
VERDICT = re.compile(r"^\./([^:]+):(\d+):(\d+): (.*)$")


def tags_by_line(path):
    tags = {}
    with open(path) as f:
        for number, line in enumerate(f, 1):
            m = TAG.search(line)
            if m:
                tags[number] = m.group(1)
    return tags


def verdicts(output, source, tags, problems, side):
    """Tagged verdicts of one compiler's output, as a multiset."""
    found = collections.Counter()
    name = os.path.basename(source)
    for line in output.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        m = VERDICT.match(line)
        if not m or m.group(1) != name:
            problems.append("%s: unexpected output line: %s" % (side, line))
            continue
        number, text = int(m.group(2)), m.group(4)
        tag = tags.get(number)
        if tag is None:
            problems.append("%s: verdict on untagged line %d: %s" %
                            (side, number, text))
            continue
        found[(tag, text)] += 1
    return found


def cxx_type(stars, name):
    """Go's *T spelled the C++ way: T *."""
    return name + (" " + stars if stars else "")


def go_words(text, renames):
    text = text.replace("func literal", "lambda")
    text = re.sub(r"&(\w+)\{(\.\.\.)?\}", r"new(\1)", text)
    text = re.sub(r"new\((\**)(\w+)\)",
                  lambda m: "new(%s)" % cxx_type(m.group(1), m.group(2)), text)
    for old, new in renames:
        text = re.sub(r"\b%s\b" % re.escape(old), new, text)
    return text


def run(cmd, cwd, env):
    p = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, universal_newlines=True)
    return p.returncode, p.stdout


def check_pair(name, cases, tool, go, work, env):
    problems = []
    go_src = os.path.join(cases, name + ".go")
    cxx_src = os.path.join(cases, name + ".cpp")
    pair_dir = os.path.join(work, name)
    os.makedirs(pair_dir)
    shutil.copy(go_src, pair_dir)
    shutil.copy(cxx_src, pair_dir)

    rc, out = run([go, "build", "-o", os.devnull, "-gcflags=-m -l",
                   name + ".go"], pair_dir, env)
    if rc != 0:
        return ["go build failed:\n" + out]
    go_set = verdicts(out, go_src, tags_by_line(go_src), problems, "go")

    rc, out = run([tool, "-m", name + ".cpp", "--", "-std=c++17"], pair_dir,
                  env)
    if rc != 0:
        return ["cxx-escape exited with %d:\n%s" % (rc, out)]
    cxx_set = verdicts(out, cxx_src, tags_by_line(cxx_src), problems, "c++")

    renames = []
    divergences = []
    with open(cxx_src) as f:
        for line in f:
            m = RENAME.search(line)
            if m:
                renames.append((m.group(1), m.group(2)))
            m = DIVERGE.search(line)
            if m:
                divergences.append(m.groups())
            elif "DIVERGE" in line:
                problems.append("malformed divergence: " + line.strip())

    expected = collections.Counter()
    for (tag, text), n in go_set.items():
        expected[(tag, go_words(text, renames))] += n
    for tag, go_text, cxx_text, why in divergences:
        if not why.strip():
            problems.append("divergence (%s) gives no reason" % tag)
        if go_text:
            key = (tag, go_words(go_text, renames))
            if expected[key] == 0:
                problems.append('stale divergence (%s): Go does not print "%s"'
                                % (tag, go_text))
            else:
                expected[key] -= 1
        if cxx_text:
            expected[(tag, cxx_text)] += 1
    expected = +expected

    for key in sorted((expected - cxx_set).elements()):
        problems.append('missing in C++:    %s: %s' % key)
    for key in sorted((cxx_set - expected).elements()):
        problems.append('unexpected in C++: %s: %s' % key)
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cxx-escape", required=True)
    parser.add_argument("--cases", required=True)
    parser.add_argument("--go", default=shutil.which("go") or "go")
    parser.add_argument("--min-pairs", type=int, default=0)
    parser.add_argument("names", nargs="*")
    args = parser.parse_args()

    if not shutil.which(args.go):
        print("error: the Go compiler ('%s') is not installed; the parity "
              "suite needs it (Debian: golang-go)" % args.go)
        return 1
    names = args.names or sorted(
        f[:-3] for f in os.listdir(args.cases) if f.endswith(".go"))
    tool = os.path.abspath(args.cxx_escape)
    failures = 0
    with tempfile.TemporaryDirectory(prefix="cxx-escape-parity-") as work:
        env = dict(os.environ)
        # Outside any module, with a private cache: nothing is fetched.
        env.update(GOCACHE=os.path.join(work, "gocache"), HOME=work,
                   GOPATH=os.path.join(work, "gopath"), GO111MODULE="off",
                   GOFLAGS="", GOTOOLCHAIN="local", LC_ALL="C")
        for name in names:
            if not os.path.exists(os.path.join(args.cases, name + ".cpp")):
                print("FAIL %s: no C++ translation %s.cpp" % (name, name))
                failures += 1
                continue
            problems = check_pair(name, args.cases, tool, args.go,
                                  work, env)
            if problems:
                failures += 1
                print("FAIL %s" % name)
                for p in problems:
                    print("  " + p)
            else:
                print("PASS %s" % name)
    print("%d pairs, %d passed, %d failed" %
          (len(names), len(names) - failures, failures))
    if len(names) < args.min_pairs:
        print("error: the suite has %d pairs, fewer than %d" %
              (len(names), args.min_pairs))
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
