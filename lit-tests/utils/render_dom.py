#!/usr/bin/env python3
"""Loads a page in headless Chromium and prints the DOM after its scripts ran.

Usage: render_dom.py PAGE.html [--screenshot OUT.png]

Chromium (Debian package `chromium`, scripts/install-deps.sh installs it) is
required: without it this fails, it never skips. Each run gets a fresh
profile directory and a time limit, and the page is opened from the file
system (no server); the network is switched off.
"""
import os
import shutil
import subprocess
import sys
import tempfile

TIMEOUT_SECONDS = 120


def main():
    if len(sys.argv) not in (2, 4) or (len(sys.argv) == 4 and
                                       sys.argv[2] != "--screenshot"):
        sys.exit("usage: render_dom.py PAGE.html [--screenshot OUT.png]")
    page = os.path.abspath(sys.argv[1])
    if not os.path.isfile(page):
        sys.exit("render_dom: no such page: " + page)
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if not browser:
        sys.exit("render_dom: chromium not found on PATH; install the Debian "
                 "package 'chromium' (scripts/install-deps.sh)")
    with tempfile.TemporaryDirectory(prefix="cxx-escape-chromium-") as profile:
        args = [browser, "--headless", "--no-sandbox", "--disable-gpu",
                "--user-data-dir=" + profile, "--no-first-run",
                "--disable-extensions", "--disable-background-networking",
                "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
                "--virtual-time-budget=5000", "--window-size=1280,900"]
        if len(sys.argv) == 4:
            args.append("--screenshot=" + os.path.abspath(sys.argv[3]))
        else:
            args.append("--dump-dom")
        args.append("file://" + page)
        try:
            done = subprocess.run(args, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE,
                                  timeout=TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            sys.exit("render_dom: chromium did not finish within %d s"
                     % TIMEOUT_SECONDS)
    if done.returncode != 0:
        sys.stderr.write(done.stderr.decode(errors="replace"))
        sys.exit("render_dom: chromium exited with %d" % done.returncode)
    sys.stdout.write(done.stdout.decode(errors="replace"))


if __name__ == "__main__":
    main()
