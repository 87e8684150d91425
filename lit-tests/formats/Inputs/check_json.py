#!/usr/bin/env python3
"""Checks the content of cxx-escape's JSON output for Inputs/flow.cpp.

Usage: check_json.py FILE SOURCE_ROOT
"""
import json
import os
import sys

doc = json.load(open(sys.argv[1], encoding="utf-8"))
root = os.path.normpath(os.path.abspath(sys.argv[2]))


def check(cond, what):
    if not cond:
        sys.exit("check_json: " + what)


check(doc["format"] == "cxx-escape" and doc["formatVersion"] == 1, "format")
check(doc["tool"]["name"] == "cxx-escape", "tool name")
run = doc["run"]
check(run["sourceRoot"] == root, "sourceRoot %r" % run["sourceRoot"])
check(run["exitCode"] == 1, "exitCode")
check(run["commandLine"][0].endswith("cxx-escape"), "commandLine")
check(len(run["files"]) == 1, "one file")
f = run["files"][0]
check(f["file"] == "flow.cpp" and f["path"] == os.path.join(root, "flow.cpp"), "file paths")
check(f["status"] == "analysed" and f["findings"] == 2 and f["seconds"] >= 0, "file status")
c = run["counts"]
check((c["files"], c["analysed"], c["failed"], c["findings"]) == (1, 1, 0, 2), "counts")
check(c["byRule"]["escape-global"] == 1 and c["byRule"]["escape-return"] == 1, "byRule")
check(len(c["byRule"]) == 15 and sum(c["byRule"].values()) == 2, "byRule lists every rule")
fs = doc["findings"]
check([x["rule"] for x in fs] == ["escape-global", "escape-return"], "rules in order")
g = fs[0]
check(g["severity"] == "warning", "severity")
check(g["message"].startswith("address of local variable 'local' is stored in global 'g'"), "message")
check(not g["message"].endswith("]"), "no [rule] suffix")
check(g["location"] == {"file": "flow.cpp", "path": os.path.join(root, "flow.cpp"),
                        "line": 5, "column": 3}, "location %r" % g["location"])
check([(s["location"]["line"], s["location"]["column"], s["message"]) for s in g["flow"]] ==
      [(3, 7, "'local' declared here"), (4, 8, "'p' takes the address of 'local'")],
      "flow %r" % g["flow"])
check(len(g["fixits"]) == 1, "one fix-it")
fix = g["fixits"][0]
check(fix["description"] == "move 'local' to the GC heap (gc::make<int>)", "fix-it description")
check([(r["file"], r["length"], r["text"]) for r in fix["replacements"]] ==
      [("flow.cpp", 0, "&"), ("flow.cpp", 0, "*gc::make<int>("),
       ("flow.cpp", 0, ")"), ("flow.cpp", 0, '#include "gc/gc.h"\n')],
      "fix-it replacements %r" % fix["replacements"])
src = open(os.path.join(root, "flow.cpp")).read()
check(src[fix["replacements"][0]["offset"]:].startswith("local = 0;"), "fix-it offset")
check("noFixReason" not in g, "no noFixReason with a fix-it")
check(len(set(x["fingerprint"] for x in fs)) == 2, "distinct fingerprints")
print("check_json: ok")
