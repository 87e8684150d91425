#!/usr/bin/env bash
# Installs what is missing, builds everything and runs every test (ctest:
# unit tests, the lit suite and the GC runtime tests).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
bash "$ROOT/scripts/install-deps.sh"
bash "$ROOT/scripts/build.sh"
cd "$ROOT/build"
ctest --output-on-failure -j "$(nproc)"
