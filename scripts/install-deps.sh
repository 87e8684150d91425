#!/usr/bin/env bash
# Installs the Debian packages cxx-escape needs to build and test, if missing.
set -euo pipefail
# chromium: lit-tests/html renders the HTML report in it, headless.
PACKAGES=(cmake ninja-build python3 g++ llvm-19-dev libclang-19-dev clang-19
  clang-tidy-19 llvm-19-tools clang-tools-19 libgtest-dev libgmock-dev
  nlohmann-json3-dev python3-jsonschema chromium golang-go)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "cxx-escape: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
