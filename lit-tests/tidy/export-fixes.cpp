// REQUIRES: tidy-module
// --export-fixes writes every finding (no fix-its yet: empty replacements).
// RUN: rm -f %t.yaml
// RUN: %tidy --export-fixes=%t.yaml %s -- %std
// RUN: %FileCheck %s < %t.yaml
// CHECK:      MainSourceFile: {{.*}}export-fixes.cpp
// CHECK:      - DiagnosticName:  escape-return
// CHECK-NEXT:   DiagnosticMessage:
// CHECK-NEXT:     Message:         'address of local variable ''x'' is returned from ''f''; ''x'' is destroyed when ''f'' returns'
// CHECK-NEXT:     FilePath:        '{{.*}}export-fixes.cpp'
// CHECK-NEXT:     FileOffset:
// CHECK-NEXT:     Replacements:    []
// CHECK-NEXT:   Notes:
// CHECK-NEXT:     - Message:         '''x'' declared here'
// CHECK-NEXT:       FilePath:        '{{.*}}export-fixes.cpp'
// CHECK:        Level:           Warning

int *f() {
  int x = 0;
  return &x;
}
