// REQUIRES: clang-plugin
// Plugin arguments models=<file> (repeatable) and unknown-calls=ignore|escape;
// a bad value or a malformed model file is a compiler error, not a crash.
// Their effect on findings: models-effect.cpp.
// RUN: rm -rf %t && mkdir -p %t
// RUN: echo '{"functions": [{"names": ["sink"], "leaks": {"0": {"global": 0}}}]}' > %t/sink.json
// RUN: echo '{"functions": [{"names": ["g"], "leaks": {"0": {"heapp": 0}}}]}' > %t/bad.json
// RUN: %clangxx -fsyntax-only %std -w -fplugin=%clang-plugin %s 2>&1 | count 0
// RUN: %clangxx -fsyntax-only %std -w -fplugin=%clang-plugin -fplugin-arg-escape-unknown-calls=ignore %s 2>&1 | count 0
// RUN: %not %clangxx -fsyntax-only %std -w -fplugin=%clang-plugin -fplugin-arg-escape-unknown-calls=maybe %s 2>&1 \
// RUN:   | %FileCheck %s --check-prefix=POLICY
// POLICY: error: cxx-escape: invalid value 'maybe' for unknown-calls (expected ignore or escape)
// RUN: %not %clangxx -fsyntax-only %std -w -fplugin=%clang-plugin -fplugin-arg-escape-models=%t/sink.json -fplugin-arg-escape-models=%t/bad.json %s 2>&1 \
// RUN:   | %FileCheck %s --check-prefix=BAD --implicit-check-not=warning:
// BAD: error: cxx-escape: {{.*}}bad.json: entry 1 ('g'): unknown sink 'heapp'
// RUN: %not %clangxx -fsyntax-only %std -w -fplugin=%clang-plugin -fplugin-arg-escape-models=%t/missing.json %s 2>&1 \
// RUN:   | %FileCheck %s --check-prefix=MISSING
// MISSING: error: cxx-escape: {{.*}}missing.json: cannot read the model file

void sink(int *p);

void passes() {
  int z = 0;
  sink(&z);
}
