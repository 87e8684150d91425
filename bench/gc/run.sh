#!/usr/bin/env bash
# Builds the GC benchmarks and runs them: GCBench and the pause probe at
# 64 MiB (depth 20) and 256 MiB (depth 22) live, each against our runtime,
# Boehm GC and new/delete, alternating round-robin, REPS times (default 5).
# Prints the medians as a Markdown table plus the ratios to Boehm.
#
#   bench/gc/run.sh                 # build in $BUILD_DIR (default /tmp/cxx-escape-gc-bench)
#   REPS=11 bench/gc/run.sh
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
build="${BUILD_DIR:-/tmp/cxx-escape-gc-bench}"
reps="${REPS:-5}"
cxx="${CXX:-clang++-19}"
cc="${CC:-clang-19}"

cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCXX_ESCAPE_BUILD_ANALYZER=OFF -DCXX_ESCAPE_GC_SANITIZER= \
  -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_C_COMPILER="$cc" >/dev/null
cmake --build "$build" --target gcbench_ours gcbench_boehm gcbench_newdelete \
  pause_probe_ours pause_probe_boehm pause_probe_newdelete >/dev/null

bin="$build/bench/gc"
raw="$(mktemp)"
trap 'rm -f "$raw"' EXIT
for ((rep = 1; rep <= reps; ++rep)); do
  for backend in ours boehm newdelete; do
    "$bin/gcbench_$backend" | grep '^RESULT' >>"$raw"
  done
  for depth in 20 22; do
    for backend in ours boehm newdelete; do
      "$bin/pause_probe_$backend" "$depth" | grep '^RESULT' >>"$raw"
    done
  done
  echo "repetition $rep of $reps done" >&2
done

python3 - "$raw" "$reps" <<'PY'
import collections, statistics, sys
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    fields = dict(kv.split("=", 1) for kv in line.split()[1:])
    rows[(fields["bench"], fields["backend"])].append(fields)

def med(bench, backend, key):
    return statistics.median(float(r[key]) for r in rows[(bench, backend)])

def rng(bench, backend, key):
    values = [float(r[key]) for r in rows[(bench, backend)]]
    return f"{min(values):.1f}-{max(values):.1f}"

print(f"Medians of {sys.argv[2]} alternating runs.\n")
print("| Benchmark | Back end | Total ms | Range | Longest GC pause ms | Max mutator gap ms | GCs | Peak RSS MB | RSS / live |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
for bench in ("gcbench", "live20", "live22"):
    for backend in ("ours", "boehm", "newdelete"):
        if (bench, backend) not in rows:
            continue
        live = med(bench, backend, "live_mb")
        rss = med(bench, backend, "peak_rss_mb")
        print(f"| {bench} | {backend} | {med(bench, backend, 'total_ms'):.0f} "
              f"| {rng(bench, backend, 'total_ms')} "
              f"| {med(bench, backend, 'max_pause_ms'):.1f} "
              f"| {med(bench, backend, 'max_gap_ms'):.1f} "
              f"| {med(bench, backend, 'gcs'):.0f} | {rss:.1f} | {rss / live:.2f} |")
print()
ratio = lambda b, k: med(b, "ours", k) / med(b, "boehm", k)
print(f"GCBench time, ours / Boehm: {ratio('gcbench', 'total_ms'):.2f}")
print(f"Longest pause at 64 MB live, ours / Boehm: {ratio('live20', 'max_pause_ms'):.2f}")
print(f"Longest pause at 256 MB live, ours / Boehm: {ratio('live22', 'max_pause_ms'):.2f}")
for bench in ("live20", "live22"):
    print(f"Peak RSS / live at {bench}: ours {med(bench, 'ours', 'peak_rss_mb') / med(bench, 'ours', 'live_mb'):.2f}, "
          f"Boehm {med(bench, 'boehm', 'peak_rss_mb') / med(bench, 'boehm', 'live_mb'):.2f}")
PY
