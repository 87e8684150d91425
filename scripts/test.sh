#!/usr/bin/env bash
# Installs what is missing, builds everything and runs every test: the GC
# runtime's suite under AddressSanitizer, then ctest over the unit tests, the
# lit suite and the GC runtime tests.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
bash "$ROOT/scripts/install-deps.sh"
# The GC runtime under AddressSanitizer (a build of its own, no LLVM).
BUILD_DIR="$ROOT/build-asan" bash "$ROOT/scripts/build.sh" \
  -DCXX_ESCAPE_BUILD_ANALYZER=OFF -DCXX_ESCAPE_GC_SANITIZER=address
(cd "$ROOT/build-asan" && ctest --output-on-failure -j "$(nproc)" -L asan)
# Everything else.
bash "$ROOT/scripts/build.sh"
cd "$ROOT/build"
ctest --output-on-failure -j "$(nproc)"
