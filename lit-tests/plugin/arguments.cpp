// REQUIRES: clang-plugin
// Plugin arguments: checks=<globs> selects rules, werror makes findings
// errors, no-notes drops the flow steps; compiling still produces an object.
// RUN: %clangxx -fsyntax-only %std -w -fplugin=%clang-plugin %s 2>&1 \
// RUN:   | %FileCheck %s --check-prefixes=RET,GLOB --implicit-check-not=warning:
// RUN: %clangxx -fsyntax-only %std -w -fplugin=%clang-plugin -fplugin-arg-escape-checks='-*,escape-global' %s 2>&1 \
// RUN:   | %FileCheck %s --check-prefix=GLOB --implicit-check-not=warning:
// RUN: %expect-exit 1 %clangxx -fsyntax-only %std -w -fplugin=%clang-plugin -fplugin-arg-escape-werror %s > %t.err 2>&1
// RUN: %FileCheck %s --check-prefix=ERR < %t.err
// RUN: %clangxx -fsyntax-only %std -w -fplugin=%clang-plugin -fplugin-arg-escape-no-notes %s 2>&1 \
// RUN:   | %FileCheck %s --check-prefix=RET --implicit-check-not=note:
// RUN: rm -f %t.o && %clangxx -c %std -w -fplugin=%clang-plugin %s -o %t.o 2>&1 | %FileCheck %s --check-prefix=RET
// RUN: test -s %t.o
// An unknown argument is an error; a glob that names no rule a warning.
// RUN: %not %clangxx -fsyntax-only %std -fplugin=%clang-plugin -fplugin-arg-escape-bogus %s 2>&1 \
// RUN:   | %FileCheck %s --check-prefix=BAD
// BAD: error: cxx-escape: unknown plugin argument 'bogus'
// RUN: %clangxx -fsyntax-only %std -w -fplugin=%clang-plugin -fplugin-arg-escape-checks=escape-nothing %s 2>&1 \
// RUN:   | %FileCheck %s --check-prefix=UNMATCHED
// UNMATCHED: warning: cxx-escape: check glob 'escape-nothing' matches no rule

int *returned() {
  int x = 0;
  // RET: arguments.cpp:[[@LINE+2]]:3: warning: address of local variable 'x' is returned from 'returned'{{.*}} [escape-return]
  // ERR: arguments.cpp:[[@LINE+1]]:3: error: address of local variable 'x' is returned from 'returned'{{.*}} [escape-return]
  return &x;
}

int *Global;
void stored() {
  int y = 1;
  // GLOB: arguments.cpp:[[@LINE+1]]:3: warning: address of local variable 'y' is stored in global 'Global'{{.*}} [escape-global]
  Global = &y;
}
int readGlobal() { return *Global; } // read: it keeps what it takes
