#!/usr/bin/env python3
"""Runs every command of docs/clang-tidy.md the way a reader would.

Usage: check_tidy_docs.py DOC SRC_ROOT BIN_DIR LIB_DIR SCRATCH_DIR

Each line of each ```sh block (comments and blank lines skipped) runs with
bash in SCRATCH_DIR, which looks like the repository root after the
README's set-up: examples/ is a copy of the sources, build/bin and build/lib
point at the built tools. Every command must exit 0, except the ones with
-warnings-as-errors, which must exit 1 (the examples have findings). The
--list-checks command must list the fifteen checks.
"""
import os
import re
import shutil
import subprocess
import sys

doc, src, bindir, libdir, scratch = sys.argv[1:6]
shutil.rmtree(scratch, ignore_errors=True)
os.makedirs(os.path.join(scratch, "build"))
shutil.copytree(os.path.join(src, "examples"), os.path.join(scratch, "examples"),
                ignore=shutil.ignore_patterns("build"))
os.symlink(os.path.abspath(bindir), os.path.join(scratch, "build", "bin"))
os.symlink(os.path.abspath(libdir), os.path.join(scratch, "build", "lib"))

text = open(doc).read()
commands = []
for block in re.findall(r"```sh\n(.*?)```", text, re.S):
    for line in block.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            commands.append(line)
if len(commands) < 10:
    sys.exit("check_tidy_docs: only %d commands found in %s" % (len(commands), doc))

failures = 0
for cmd in commands:
    p = subprocess.run(["bash", "-c", cmd], cwd=scratch, capture_output=True, text=True)
    want = 1 if "-warnings-as-errors" in cmd else 0
    ok = p.returncode == want
    if ok and "--list-checks" in cmd:
        ok = all("escape-" + r in p.stdout for r in
                 ("return global outparam member scope lambda temporary throw "
                  "container thread view unknown-call heap-to-stack leak").split())
    if ok and "-load=" in cmd and "--dump-config" not in cmd and "--list-checks" not in cmd:
        ok = "[escape-" in p.stdout or "--export-fixes" in cmd
    if not ok:
        failures += 1
        print("check_tidy_docs: FAILED (exit %d, expected %d): %s\n%s%s"
              % (p.returncode, want, cmd, p.stdout[-2000:], p.stderr[-2000:]))
fixes = os.path.join(scratch, "build", "escape-fixes.yaml")
if not os.path.exists(fixes) or "DiagnosticName:  escape-" not in open(fixes).read():
    failures += 1
    print("check_tidy_docs: --export-fixes wrote no escape-* diagnostic")
print("check_tidy_docs: %d commands, %d failures" % (len(commands), failures))
sys.exit(1 if failures else 0)
