#!/usr/bin/env python3
"""Validates JSON files against a JSON Schema; fails if it cannot.

Usage: validate_json.py SCHEMA FILE...

SCHEMA is a .json file, or a Markdown file whose first ```json block that
declares "$schema" is the schema (docs/formats.md documents cxx-escape's JSON
format that way). Exit status 0 only when every file is valid; a missing
jsonschema module is a failure, never a skip.
"""
import json
import re
import sys

try:
    import jsonschema
except ImportError:
    sys.exit("validate_json: the python module jsonschema is missing "
             "(Debian: python3-jsonschema; %s)" % sys.executable)

if len(sys.argv) < 3:
    sys.exit(__doc__)
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
if path.endswith(".md"):
    blocks = [b for b in re.findall(r"```json\n(.*?)```", text, re.S) if '"$schema"' in b]
    if not blocks:
        sys.exit("validate_json: no ```json block with \"$schema\" in " + path)
    text = blocks[0]
schema = json.loads(text)
cls = jsonschema.validators.validator_for(schema)
cls.check_schema(schema)
checker = getattr(cls, "FORMAT_CHECKER", None) or jsonschema.FormatChecker()
validator = cls(schema, format_checker=checker)
failures = 0
for name in sys.argv[2:]:
    with open(name, encoding="utf-8") as f:
        doc = json.load(f)
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
    for e in errors[:20]:
        print("%s: %s: %s" % (name, "/".join(str(p) for p in e.absolute_path) or "(root)", e.message))
    failures += bool(errors)
    if not errors:
        print("%s: valid against %s (%s)" % (name, path.split("/")[-1], cls.__name__))
sys.exit(1 if failures else 0)
