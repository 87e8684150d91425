#!/usr/bin/env python3
"""Copies standard input to standard output with ESC bytes shown as <ESC>."""
import sys

sys.stdout.write(sys.stdin.read().replace("\x1b", "<ESC>"))
