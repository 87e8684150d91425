#!/usr/bin/env python3
"""Runs a command with standard output and error on a pseudo-terminal.

Usage: in_pty.py COMMAND [ARGS...]
Prints what the command wrote (CR LF turned back into LF) and exits with its
status.
"""
import os
import pty
import sys

pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[1], sys.argv[1:])
out = b""
while True:
    try:
        data = os.read(fd, 65536)
    except OSError:
        break
    if not data:
        break
    out += data
_, status = os.waitpid(pid, 0)
sys.stdout.buffer.write(out.replace(b"\r\n", b"\n"))
sys.exit(os.waitstatus_to_exitcode(status))
