#!/usr/bin/env python3
"""Applies the fix-its of a cxx-escape JSON report to the files they name.

Usage: apply_fixits.py REPORT.json

Replacements are applied from the end of each file backwards, so earlier
offsets stay valid; overlapping replacements are an error.
"""
import collections
import json
import sys

report = json.load(open(sys.argv[1]))
edits = collections.defaultdict(list)
for finding in report["findings"]:
    for fix in finding["fixits"]:
        for r in fix["replacements"]:
            edits[r["path"]].append((r["offset"], r["length"], r["text"]))
for path, reps in edits.items():
    data = open(path, "rb").read()
    end = len(data)
    for offset, length, text in sorted(set(reps), reverse=True):
        if offset + length > end:
            sys.exit("apply_fixits: overlapping replacements in " + path)
        data = data[:offset] + text.encode() + data[offset + length:]
        end = offset
    open(path, "wb").write(data)
    print("%s: %d replacements" % (path, len(set(reps))))
