// REQUIRES: clang-plugin
// What models=<file> and unknown-calls=escape change: the call to a function
// with no body follows its model, or Go's rule for unknown calls.
// Needs the interprocedural pass, on by default; no-interprocedural turns it
// off and the call is not looked into.
// RUN: rm -rf %t && mkdir -p %t
// RUN: echo '{"functions": [{"names": ["sink"], "leaks": {"0": {"global": 0}}}]}' > %t/sink.json
// RUN: %clangxx -fsyntax-only %std -w -fplugin=%clang-plugin -fplugin-arg-escape-unknown-calls=escape %s 2>&1 \
// RUN:   | %FileCheck %s
// RUN: %clangxx -fsyntax-only %std -w -fplugin=%clang-plugin -fplugin-arg-escape-models=%t/sink.json %s 2>&1 \
// RUN:   | %FileCheck %s
// RUN: %clangxx -fsyntax-only %std -w -fplugin=%clang-plugin -fplugin-arg-escape-models=%t/sink.json \
// RUN:   -fplugin-arg-escape-no-interprocedural %s 2>&1 | count 0

void sink(int *p);

void passes() {
  int z = 0;
  // CHECK: models-effect.cpp:[[@LINE+1]]:3: warning: address of local variable 'z' {{.*}}[escape-{{.*}}]
  sink(&z);
}
