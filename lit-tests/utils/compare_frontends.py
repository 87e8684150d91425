#!/usr/bin/env python3
"""Checks that the clang-tidy module (and the compiler plugin) report exactly
what the cxx-escape command line reports.

Usage: compare_frontends.py --cli CXX_ESCAPE --clang-tidy CLANG_TIDY
           --module MODULE.so [--clang CLANG++ --plugin PLUGIN.so]
           FILE_OR_DIR... [-- COMPILER FLAGS]

Every .cpp file named (or found in a named directory) is analysed by each
front end with the same compiler flags. A finding is its position
(file:line:col), its message with the rule id, and its notes (each with its
position and text); the sets must be equal for every file. The heapify
notes of the command line (`fix-it: ...`, `no fix-it: ...`, docs/heapify.md)
are not compared: the module and the plugin do not carry fix-its yet.
"""
import argparse
import os
import re
import subprocess
import sys

DIAG = re.compile(r"^(.+?):(\d+):(\d+): (warning|error|note): (.*)$")


def parse(text):
    """Findings as {(where, message): (notes...)} from clang-style output."""
    findings = []
    for line in text.splitlines():
        m = DIAG.match(line)
        if not m:
            continue
        where = "%s:%s:%s" % (os.path.realpath(m.group(1)), m.group(2), m.group(3))
        kind, msg = m.group(4), m.group(5)
        if kind == "note":
            if msg.startswith("fix-it: ") or msg.startswith("no fix-it: "):
                continue
            if findings:
                findings[-1][1].append((where, msg))
            continue
        msg = msg.replace(",-warnings-as-errors]", "]")
        findings.append(((where, msg), []))
    return {f: tuple(n) for f, n in findings}


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def main():
    argv = sys.argv[1:]
    flags = []
    if "--" in argv:
        i = argv.index("--")
        argv, flags = argv[:i], argv[i + 1:]
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--clang-tidy", required=True)
    ap.add_argument("--module", required=True)
    ap.add_argument("--clang")
    ap.add_argument("--plugin")
    ap.add_argument("inputs", nargs="+")
    args = ap.parse_args(argv)

    files = []
    for i in args.inputs:
        if os.path.isdir(i):
            files += sorted(os.path.join(i, f) for f in os.listdir(i) if f.endswith(".cpp"))
        else:
            files.append(i)
    files = [os.path.abspath(f) for f in files]
    if not files:
        sys.exit("compare_frontends: no input files")

    failures = 0
    total = 0
    for f in files:
        rc, out, err = run([args.cli, f, "--"] + flags)
        if rc not in (0, 1):
            print("compare_frontends: %s: cxx-escape exited %d:\n%s" % (f, rc, err))
            failures += 1
            continue
        want = parse(out)
        total += len(want)
        fronts = []
        # Header and system-header findings are printed, as the CLI does.
        # clang-tidy has no off-by-default checks: leave out those the CLI's
        # default leaves out.
        rc, out, err = run([args.clang_tidy, "-load=" + args.module,
                            "-checks=-*,escape-*,-escape-heap-to-stack,"
                            "-escape-leak,-escape-lifetimebound",
                            "-header-filter=.*", "-system-headers", "-quiet", f, "--"]
                           + flags)
        if rc != 0:
            print("compare_frontends: %s: clang-tidy exited %d:\n%s%s" % (f, rc, out, err))
            failures += 1
            continue
        fronts.append(("clang-tidy module", parse(out)))
        if args.plugin:
            rc, out, err = run([args.clang, "-fsyntax-only", "-w", "-fplugin=" + args.plugin, f]
                               + flags)
            if rc != 0:
                print("compare_frontends: %s: clang plugin exited %d:\n%s" % (f, rc, err))
                failures += 1
                continue
            fronts.append(("clang plugin", parse(err)))
        for name, got in fronts:
            if got == want:
                continue
            failures += 1
            print("compare_frontends: %s: the %s differs from cxx-escape" % (f, name))
            for k in sorted(set(want) | set(got)):
                if k not in got:
                    print("  only cxx-escape: %s: %s" % k)
                elif k not in want:
                    print("  only %s: %s: %s" % ((name,) + k))
                elif got[k] != want[k]:
                    print("  notes differ for %s: %s\n    cxx-escape: %r\n    %s: %r"
                          % (k + (want[k], name, got[k])))
    print("compare_frontends: %d files, %d findings, %d failures" % (len(files), total, failures))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
