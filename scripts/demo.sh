#!/usr/bin/env bash
# Installs what is missing, builds cxx-escape and runs it on examples/.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
bash "$ROOT/scripts/install-deps.sh"
bash "$ROOT/scripts/build.sh"
# The example's CMake writes its compile_commands.json.
cmake -S "$ROOT/examples" -B "$ROOT/examples/build" -G Ninja \
  -DCMAKE_CXX_COMPILER=clang++-19 >/dev/null
set +e
"$ROOT/build/bin/cxx-escape" -p "$ROOT/examples/build"
rc=$?
set -e
# The examples contain escape bugs on purpose: exit code 1 means "found".
if [[ $rc -ne 1 ]]; then
  echo "cxx-escape: unexpected exit code $rc on the examples" >&2
  exit 1
fi
echo "cxx-escape: the findings above are the example's deliberate bugs (exit code 1)."
