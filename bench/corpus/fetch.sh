#!/usr/bin/env bash
# Builds the real-world corpus for the evaluation: Debian source packages of
# eight C++ projects, their build dependencies, and one compile_commands.json
# per project, produced by the project's own CMake build with clang++-19.
#
#   bench/corpus/fetch.sh WORKDIR            # as root, on Debian 12
#   SKIP_BUILD_DEP=1 bench/corpus/fetch.sh WORKDIR
#
# Nothing is vendored in the repository: the sources are fetched with
# `apt-get source` through a deb-src entry derived, at run time, from the
# machine's own apt sources (the same mirror and suites as its deb entries).
# WORKDIR is a cache: a second run reuses the sources, the configured build
# directories and the databases, and takes seconds.
#
# Output: WORKDIR/db/<package>/compile_commands.json, one entry per C++
# translation unit of the project (first command kept when a file is
# compiled for several targets; vendored third-party code dropped), and
# WORKDIR/corpus.txt listing those directories, one a line.
set -euo pipefail

if (($# != 1)); then
  echo "usage: $0 WORKDIR" >&2
  exit 2
fi
mkdir -p "$1"
work="$(cd "$1" && pwd)"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

# Source package -> extra CMake options (tests on, as Debian's own build
# does when it runs the test suite; benchmarks and docs off).
declare -A CMAKE_OPTS=(
  [fmtlib]="-DFMT_DOC=OFF -DFMT_TEST=ON"
  [leveldb]="-DLEVELDB_BUILD_TESTS=ON -DLEVELDB_BUILD_BENCHMARKS=OFF"
  [libjsoncpp]="-DJSONCPP_WITH_TESTS=ON -DJSONCPP_WITH_POST_BUILD_UNITTEST=OFF"
  [ninja-build]="-DBUILD_TESTING=ON"
  [re2]="-DRE2_BUILD_TESTING=ON"
  [snappy]="-DSNAPPY_BUILD_TESTS=ON -DSNAPPY_BUILD_BENCHMARKS=OFF -DSNAPPY_USE_BUNDLED_GTEST=OFF -DSNAPPY_USE_BUNDLED_BENCHMARK_LIB=OFF"
  [tinyxml2]="-Dtinyxml2_BUILD_TESTING=ON"
  [yaml-cpp]="-DYAML_CPP_BUILD_TESTS=ON -DYAML_CPP_BUILD_TOOLS=ON"
)
# Steps Debian's own build runs before compiling (re2's dfsg tarball drops
# its generated Unicode tables; debian/rules rebuilds them from unicode-data).
declare -A PREPARE=(
  [re2]="make REBUILD_TABLES=1 re2/perl_groups.cc re2/unicode_casefold.cc re2/unicode_groups.cc"
)
PACKAGES=(fmtlib leveldb libjsoncpp ninja-build re2 snappy tinyxml2 yaml-cpp)

log() { echo "corpus: $*" >&2; }

# True when apt already knows a deb-src entry (one-line or deb822 format).
have_deb_src() {
  grep -hqsE '^[[:space:]]*deb-src[[:space:]]' /etc/apt/sources.list \
    /etc/apt/sources.list.d/*.list && return 0
  grep -hqsiE '^[[:space:]]*Types:.*deb-src' /etc/apt/sources.list.d/*.sources
}

# Writes a deb-src twin of every enabled deb entry: same URIs, suites,
# components and keys. Nothing about the mirror is hard-coded here.
add_deb_src() {
  local out=/etc/apt/sources.list.d/cxx-escape-corpus-src.sources
  python3 - "$out" <<'PY'
import glob, re, sys
stanzas = []
for path in sorted(glob.glob("/etc/apt/sources.list.d/*.sources")):
    for block in re.split(r"\n\s*\n", open(path).read()):
        fields = {}
        for line in block.splitlines():
            if line.startswith("#") or ":" not in line or line[0].isspace():
                continue
            key, value = line.split(":", 1)
            fields[key.strip()] = value.strip()
        if "deb" in fields.get("Types", "").split() and \
                fields.get("Enabled", "yes").lower() != "no":
            fields["Types"] = "deb-src"
            stanzas.append(fields)
for path in ["/etc/apt/sources.list"] + sorted(glob.glob("/etc/apt/sources.list.d/*.list")):
    try:
        lines = open(path).read().splitlines()
    except OSError:
        continue
    for line in lines:
        m = re.match(r"\s*deb\s+(\[[^]]*\]\s+)?(\S+)\s+(\S+)\s*(.*)", line)
        if not m:
            continue
        fields = {"Types": "deb-src", "URIs": m.group(2), "Suites": m.group(3),
                  "Components": m.group(4)}
        for opt in (m.group(1) or "").strip("[] \t").split():
            if opt.startswith("signed-by="):
                fields["Signed-By"] = opt.split("=", 1)[1]
        stanzas.append(fields)
if not stanzas:
    sys.exit("corpus: no deb entry in the apt sources to derive deb-src from")
with open(sys.argv[1], "w") as f:
    f.write("# Written by cxx-escape bench/corpus/fetch.sh: deb-src twins of the deb entries.\n")
    f.write("\n\n".join("\n".join(f"{k}: {v}" for k, v in s.items()) for s in stanzas) + "\n")
PY
  log "added $out"
}

export DEBIAN_FRONTEND=noninteractive
cd "$work"

# 1. Sources: apt-get source unless an unpacked tree is already there.
need_update=0
for pkg in "${PACKAGES[@]}"; do
  compgen -G "$work/$pkg-*/debian/control" >/dev/null || need_update=1
done
if ((need_update)); then
  if ! have_deb_src; then
    add_deb_src
  fi
  apt-get update -qq
fi
for pkg in "${PACKAGES[@]}"; do
  if ! compgen -G "$work/$pkg-*/debian/control" >/dev/null; then
    log "apt-get source $pkg"
    apt-get source -qq "$pkg" >/dev/null
  fi
done

# 2. Build dependencies (the projects' test libraries among them) and the
# tools used here.
if [[ "${SKIP_BUILD_DEP:-0}" != 1 ]]; then
  for pkg in "${PACKAGES[@]}"; do
    log "apt-get build-dep $pkg"
    apt-get -o DPkg::Lock::Timeout=900 build-dep -y -qq "$pkg" >/dev/null
  done
  missing=()
  for tool in cmake ninja-build clang-19 python3; do
    dpkg -s "$tool" >/dev/null 2>&1 || missing+=("$tool")
  done
  if ((${#missing[@]})); then
    apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

# 3. Configure each project with clang++-19 and export its compile commands;
# build only the generated headers the translation units include.
: >"$work/corpus.txt"
for pkg in "${PACKAGES[@]}"; do
  src="$(ls -d "$work/$pkg"-*/ | head -n1)"
  src="${src%/}"
  build="$work/build/$pkg"
  mkdir -p "$work/build"
  if [[ ! -f "$build/compile_commands.json" ]]; then
    log "configuring $pkg"
    if [[ -n "${PREPARE[$pkg]:-}" ]]; then
      (cd "$src" && ${PREPARE[$pkg]}) >"$build.prepare.log" 2>&1 || {
        log "preparing $pkg failed, see $build.prepare.log"
        exit 1
      }
    fi
    # shellcheck disable=SC2086
    cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 \
      -DCMAKE_EXPORT_COMPILE_COMMANDS=ON ${CMAKE_OPTS[$pkg]} \
      >"$build.configure.log" 2>&1 || {
      log "cmake failed for $pkg, see $build.configure.log"
      exit 1
    }
    # (A build.ninja ninja refuses, like snappy's, has nothing to generate.)
    generated=$( (ninja -C "$build" -t targets all 2>/dev/null || true) |
      sed -n 's/^\(.*\.\(h\|hpp\|inc\|cc\|cpp\)\): CUSTOM_COMMAND$/\1/p')
    if [[ -n "$generated" ]]; then
      # shellcheck disable=SC2086
      ninja -C "$build" -j2 $generated >/dev/null
    fi
  fi
  python3 "$here/filter_db.py" "$build/compile_commands.json" "$src" \
    "$work/db/$pkg"
  echo "$work/db/$pkg" >>"$work/corpus.txt"
done

total=0
while read -r dir; do
  n=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))))' \
    "$dir/compile_commands.json")
  log "$(basename "$dir"): $n translation units"
  total=$((total + n))
done <"$work/corpus.txt"
log "total: $total translation units; databases listed in $work/corpus.txt"
