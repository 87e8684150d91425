#!/usr/bin/env bash
# Builds and runs the engine's scaling benchmarks (solver, witnesses,
# summaries, linker) on synthetic graphs of 10^3 to 10^6 locations.
#
#   bench/engine/run.sh                       # build in $BUILD_DIR (default /tmp/cxx-escape-engine-bench)
#   bench/engine/run.sh --benchmark_filter=Link
#
# Extra arguments go to the benchmark binary. Google Benchmark's BigO rows
# give the fitted growth per shape; compare CPU times, not wall times, on a
# shared machine.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
build="${BUILD_DIR:-/tmp/cxx-escape-engine-bench}"

cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCXX_ESCAPE_BUILD_BENCHMARKS=ON \
  -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 >/dev/null
ninja -C "$build" -j2 cxxescape-enginebench >/dev/null
exec "$build/bench/engine/cxxescape-enginebench" "$@"
