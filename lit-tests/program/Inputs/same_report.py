#!/usr/bin/env python3
"""Compares two JSON or SARIF reports of cxx-escape, field by field.

Usage: same_report.py A B

Everything must be equal except what depends on the invocation: the command
line (JSON run.commandLine, SARIF invocations[].commandLine and arguments)
and the per-file timings (JSON run.files[].seconds).
"""
import json
import sys


def normalize(doc):
    run = doc.get("run")
    if run is not None:  # cxx-escape JSON
        run.pop("commandLine")
        for f in run["files"]:
            f.pop("seconds")
    for r in doc.get("runs", []):  # SARIF
        for inv in r.get("invocations", []):
            inv.pop("commandLine")
            inv.pop("arguments")
    return json.dumps(doc, indent=1, sort_keys=True).splitlines()


a, b = (normalize(json.load(open(p))) for p in sys.argv[1:3])
if a != b:
    import difflib
    sys.stdout.writelines(l + "\n" for l in difflib.unified_diff(a, b, *sys.argv[1:3], lineterm=""))
    sys.exit(1)
