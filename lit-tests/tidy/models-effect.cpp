// REQUIRES: tidy-module
// What the Models and UnknownCalls check options change: the call to a
// function with no body follows its model, or Go's rule for unknown calls.
// Needs the interprocedural pass, on by default; Interprocedural: false turns
// it off and the call is not looked into.
// RUN: rm -rf %t && mkdir -p %t
// RUN: echo '{"functions": [{"names": ["sink"], "leaks": {"0": {"global": 0}}}]}' > %t/sink.json
// RUN: %tidy %s -config='{CheckOptions: {UnknownCalls: escape}}' -- %std 2>&1 | %FileCheck %s
// Paths separated by ';', blanks around them ignored.
// RUN: %tidy %s -config='{CheckOptions: {Models: " %t/sink.json ; "}}' -- %std 2>&1 | %FileCheck %s
// RUN: %tidy %s -config='{CheckOptions: {Models: "%t/sink.json", Interprocedural: false}}' -- %std 2>&1 \
// RUN:   | %FileCheck %s --check-prefix=OFF --allow-empty
// OFF-NOT: warning:

void sink(int *p);
void passes() {
  int z = 0;
  // CHECK: models-effect.cpp:[[@LINE+1]]:3: warning: address of local variable 'z' {{.*}}[escape-{{.*}}]
  sink(&z);
}
