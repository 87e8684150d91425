// --report-unused-suppressions lists, on stderr, the suppression comments that
// suppressed nothing; they do not change the exit status.
// RUN: %cxx-escape --report-unused-suppressions %s -- %std > %t.out 2> %t.err
// RUN: %FileCheck %s --implicit-check-not=warning: < %t.err
// RUN: %FileCheck %s --check-prefix=OUT --allow-empty --implicit-check-not=warning: < %t.out
// Without the option nothing is said.
// RUN: %cxx-escape %s -- %std 2>&1 | %FileCheck %s --check-prefix=OUT --allow-empty --implicit-check-not=warning:
// A rule disabled with --checks suppresses nothing either.
// RUN: %cxx-escape --report-unused-suppressions --checks='-*,escape-global' %s -- %std 2>&1 | %FileCheck %s --check-prefix=DISABLED
// OUT-NOT: {{.}}

int *g; int readG() { return *g; } // read: it keeps what it takes

int *used() { int x = 0; return &x; } // NOLINT(escape-return)
int unusedSameLine() { return 0; } // NOLINT
// CHECK: unused-suppressions.cpp:[[@LINE-1]]:39: warning: suppression comment 'NO{{L}}INT' suppresses nothing [escape-unused-suppression]
int *oneOfTheList() { int x = 0; return &x; } // NOLINT(escape-return, escape-scope)
// NOLINTNEXTLINE(escape-lambda)
int nothingHere() { return 1; }
// CHECK: unused-suppressions.cpp:[[@LINE-2]]:4: warning: suppression comment 'NO{{L}}INTNEXTLINE(escape-lambda)' suppresses nothing [escape-unused-suppression]
// NOLINTBEGIN(escape-global)
int emptyBlock() { return 2; }
// NOLINTEND(escape-global)
// CHECK: unused-suppressions.cpp:[[@LINE-3]]:4: warning: suppression comment 'NO{{L}}INTBEGIN(escape-global)' suppresses nothing [escape-unused-suppression]
// NOLINTBEGIN(escape-global)
void usedBlock() { int y = 0; g = &y; }
// NOLINTEND(escape-global)

// Comments for other tools are not ours to report.
int other() { return 3; } // NOLINT(bugprone-branch-clone)

// DISABLED: unused-suppressions.cpp:14:42: warning: suppression comment 'NO{{L}}INT(escape-return)' suppresses nothing
