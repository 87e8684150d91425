#!/usr/bin/env python3
"""Writes a project's compile_commands.json restricted to its own C++ files.

    filter_db.py IN_DB SOURCE_DIR OUT_DIR

Keeps one command per source file (the first: CMake lists a file once per
target that compiles it), only C++ files under SOURCE_DIR, and none under a
directory of vendored third-party code.
"""
import json
import os
import sys

CXX = (".cc", ".cpp", ".cxx", ".c++")
VENDORED = ("third_party", "3rdparty", "googletest", "gtest", "gmock",
            "benchmark")


def main():
    db_path, src, out = sys.argv[1], os.path.realpath(sys.argv[2]), sys.argv[3]
    seen = set()
    kept = []
    for entry in json.load(open(db_path)):
        path = os.path.realpath(os.path.join(entry["directory"], entry["file"]))
        if path in seen or not path.endswith(CXX):
            continue
        if not path.startswith(src + os.sep):
            continue
        parts = os.path.relpath(path, src).split(os.sep)[:-1]
        if any(p.startswith(VENDORED) for p in parts):
            continue
        seen.add(path)
        kept.append(entry)
    kept.sort(key=lambda e: os.path.join(e["directory"], e["file"]))
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "compile_commands.json"), "w") as f:
        json.dump(kept, f, indent=1)


if __name__ == "__main__":
    main()
