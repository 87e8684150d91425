#!/usr/bin/env python3
"""Writes DIR/compile_commands.json for the given sources.

Usage: make_db.py DIR SOURCES... -- FLAGS...
"""
import json
import os
import sys

out = sys.argv[1]
sep = sys.argv.index("--")
files = sys.argv[2:sep]
flags = sys.argv[sep + 1:]
db = [{"directory": os.path.dirname(os.path.abspath(f)),
       "file": os.path.abspath(f),
       "arguments": ["clang++"] + flags + ["-c", os.path.abspath(f)]}
      for f in files]
with open(os.path.join(out, "compile_commands.json"), "w") as fh:
    json.dump(db, fh, indent=1)
