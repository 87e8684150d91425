// REQUIRES: tidy-module
// Check options Models (files separated by ';') and UnknownCalls
// (ignore|escape), set globally; a bad value or a malformed model file is
// an error diagnostic, once. Their effect on findings: models-effect.cpp.
// RUN: rm -rf %t && mkdir -p %t
// RUN: echo '{"functions": [{"names": ["sink"], "leaks": {"0": {"global": 0}}}]}' > %t/sink.json
// RUN: echo '{"functions": [{"names": ["g"], "leaks": {"0": {"heapp": 0}}}]}' > %t/bad.json
// RUN: %tidy %s -- %std 2>&1 | %FileCheck %s --check-prefix=NONE --allow-empty
// NONE-NOT: warning:
// RUN: %not %tidy %s -config='{CheckOptions: {Models: "%t/other.json;%t/sink.json"}}' -- %std 2>&1 | %FileCheck %s --check-prefix=MISSING
// MISSING: error: cxx-escape: {{.*}}other.json: cannot read the model file
// RUN: %not %tidy %s -config='{CheckOptions: {UnknownCalls: maybe}}' -- %std 2>&1 | %FileCheck %s --check-prefix=POLICY
// POLICY-COUNT-1: error: cxx-escape: invalid value 'maybe' for option UnknownCalls (expected ignore or escape)
// POLICY-NOT: error: cxx-escape
// RUN: %not %tidy %s -config='{CheckOptions: {Models: "%t/bad.json"}}' -- %std 2>&1 | %FileCheck %s --check-prefix=BAD
// BAD: error: cxx-escape: {{.*}}bad.json: entry 1 ('g'): unknown sink 'heapp'

void sink(int *p);
void passes() {
  int z = 0;
  sink(&z);
}
