#!/usr/bin/env bash
# Reports cxx-escape findings on the lines changed since BASE (default: the
# merge base with origin/main), analysing only the changed C/C++ files.
set -euo pipefail
ROOT="$(git rev-parse --show-toplevel)"
BASE="${1:-$(git merge-base HEAD origin/main)}"
BUILD="${CXX_ESCAPE_BUILD:-$ROOT/build}"
TOOL="${CXX_ESCAPE:-$ROOT/build/bin/cxx-escape}"
cd "$ROOT"
mapfile -t FILES < <(git diff --name-only --diff-filter=AM "$BASE" -- \
  '*.c' '*.cc' '*.cpp' '*.cxx' '*.c++')
if ((${#FILES[@]} == 0)); then
  echo "cxx-escape: no changed C/C++ source files since $BASE" >&2
  exit 0
fi
git diff -U0 "$BASE" > "${TMPDIR:-/tmp}/cxx-escape-changes.diff"
exec "$TOOL" -p "$BUILD" --diff "${TMPDIR:-/tmp}/cxx-escape-changes.diff" "${FILES[@]}"
