#!/usr/bin/env python3
"""Checks that every rule page's example output is what the tool prints.

Usage: check_docs.py TOOL DOCS_RULES_DIR SCRATCH_DIR

For each docs/rules/<rule>.md: the first ```cpp block under "## Example" is
compiled as <rule>.cpp and the tool's output must equal the ```text block
that follows it; the first ```cpp block under "## How to fix" must produce no
output at all. A page whose example needs options says so with a comment in
its "## Example" section, `<!-- options: --unknown-calls=escape -->`; both
its example and its fix run with them.
"""
import os
import re
import subprocess
import sys

tool, docs, scratch = sys.argv[1:4]
tool = os.path.abspath(tool)
os.makedirs(scratch, exist_ok=True)
failures = 0
pages = sorted(f for f in os.listdir(docs) if f.startswith("escape-") and f.endswith(".md"))
if not pages:
    sys.exit("check_docs: no rule pages in " + docs)


def blocks(section, lang):
    return re.findall(r"```" + lang + r"\n(.*?)```", section, re.S)


def run(name, code, options):
    with open(os.path.join(scratch, name), "w") as f:
        f.write(code)
    p = subprocess.run([tool] + options + [name, "--", "-std=c++20"], cwd=scratch,
                       capture_output=True, text=True)
    # The tool prints absolute paths; the pages show bare file names.
    return p.stdout.replace(os.path.abspath(scratch) + "/", "")


for page in pages:
    rule = page[:-3]
    text = open(os.path.join(docs, page)).read()
    example = text.split("## Example", 1)[1].split("\n## ", 1)[0]
    fix = text.split("## How to fix", 1)[1].split("\n## ", 1)[0]
    bad, out, good = blocks(example, "cpp")[0], blocks(example, "text")[0], blocks(fix, "cpp")[0]
    opts = re.search(r"<!--\s*options:(.*?)-->", example, re.S)
    options = opts.group(1).split() if opts else []
    got = run(rule + ".cpp", bad, options)
    if got != out:
        failures += 1
        print("check_docs: %s: the example's output differs:\n--- documented\n%s--- printed\n%s" % (page, out, got))
    if "[" + rule + "]" not in got:
        failures += 1
        print("check_docs: %s: the example does not trigger %s" % (page, rule))
    got = run(rule + "-fixed.cpp", good, options)
    if got:
        failures += 1
        print("check_docs: %s: the fixed example still reports:\n%s" % (page, got))
print("check_docs: %d pages, %d failures" % (len(pages), failures))
sys.exit(1 if failures else 0)
