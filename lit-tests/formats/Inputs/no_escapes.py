#!/usr/bin/env python3
"""Fails unless standard input is non-empty and holds no ESC byte."""
import sys

data = sys.stdin.buffer.read()
if not data:
    sys.exit("no_escapes: empty input")
if b"\x1b" in data:
    sys.exit("no_escapes: found an escape sequence")
