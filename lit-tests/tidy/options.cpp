// REQUIRES: tidy-module
// Check options: FlowNotes (default true) attaches the flow steps as notes;
// HeaderFindings (default true) reports findings in headers the
// HeaderFilterRegex lets through. Both can be set per check or globally.
#include "Inputs/header.h"

int *returned() {
  int x = 0;
  return &x;
}

// Defaults: notes, and the header finding once the header filter admits it.
// RUN: %tidy -header-filter='.*' %s -- %std 2>&1 | %FileCheck %s --check-prefix=DEFAULT
// DEFAULT-DAG: header.h:3:3: warning: address of local variable 'h' is returned from 'fromHeader'{{.*}} [escape-return]
// DEFAULT-DAG: options.cpp:9:3: warning: address of local variable 'x' is returned from 'returned'{{.*}} [escape-return]
// DEFAULT-DAG: options.cpp:8:7: note: 'x' declared here

// --config on the command line.
// RUN: %tidy -header-filter='.*' %s \
// RUN:   -config='{CheckOptions: {escape-return.FlowNotes: false, escape-return.HeaderFindings: false}}' -- %std 2>&1 \
// RUN:   | %FileCheck %s --check-prefix=OFF --implicit-check-not=note: --implicit-check-not=header.h
// OFF: options.cpp:9:3: warning: address of local variable 'x'{{.*}} [escape-return]

// A .clang-tidy file next to the source, with a global option.
// RUN: rm -rf %t && mkdir -p %t/Inputs && cp %s %t/options.cpp && cp %S/Inputs/header.h %t/Inputs/
// RUN: printf 'Checks: "-*,escape-*"\nHeaderFilterRegex: ".*"\nCheckOptions:\n  HeaderFindings: false\n  escape-return.FlowNotes: false\n' > %t/.clang-tidy
// RUN: %clang-tidy -load=%tidy-module %t/options.cpp -- %std 2>&1 \
// RUN:   | %FileCheck %s --check-prefix=OFF --implicit-check-not=note: --implicit-check-not=header.h

// --dump-config shows the options and the values in effect.
// RUN: %clang-tidy -load=%tidy-module --dump-config %t/options.cpp -- %std | %FileCheck %s --check-prefix=DUMP
// DUMP: escape-global.FlowNotes: 'true'
// DUMP: escape-global.HeaderFindings: 'false'
// DUMP: escape-return.FlowNotes: 'false'
// DUMP: escape-return.HeaderFindings: 'false'
