// A block-begin comment without its block-end comment (or the reverse) is a
// warning on stderr, and suppresses nothing: the findings it would cover are
// reported. The exit status is that of the findings.
// RUN: %not %escape %s -- %std > %t.out 2> %t.err
// RUN: %FileCheck %s --check-prefix=ERR --implicit-check-not=warning: < %t.err
// RUN: %FileCheck %s --implicit-check-not=warning: < %t.out

int *g;

// NOLINTEND(escape-return)
// ERR: nolint-unmatched.cpp:[[@LINE-1]]:4: warning: unmatched 'NO{{L}}INTEND(escape-return)' comment without a previous 'NO{{L}}INTBEGIN(escape-return)' comment [escape-nolint]

// NOLINTBEGIN(escape-global)
// ERR: nolint-unmatched.cpp:[[@LINE-1]]:4: warning: unmatched 'NO{{L}}INTBEGIN(escape-global)' comment without a subsequent 'NO{{L}}INTEND(escape-global)' comment; it suppresses nothing [escape-nolint]
void a() { int y = 0; g = &y; }
// CHECK: nolint-unmatched.cpp:[[@LINE-1]]:23: warning: {{.*}} [escape-global]
// The end must repeat the check list of its begin.
// NOLINTEND(escape-return)
// ERR: nolint-unmatched.cpp:[[@LINE-1]]:4: warning: unmatched 'NO{{L}}INTEND(escape-return)' comment without a previous 'NO{{L}}INTBEGIN(escape-return)' comment [escape-nolint]

// NOLINTBEGIN
// ERR: nolint-unmatched.cpp:[[@LINE-1]]:4: warning: unmatched 'NO{{L}}INTBEGIN' comment without a subsequent 'NO{{L}}INTEND' comment; it suppresses nothing [escape-nolint]
int *b() { int x = 0; return &x; }
// CHECK: nolint-unmatched.cpp:[[@LINE-1]]:23: warning: {{.*}} [escape-return]
int readG() { return *g; } // read: it keeps what it takes
