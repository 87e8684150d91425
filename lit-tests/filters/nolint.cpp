// Each NOLINT form suppresses exactly what it names, on the lines it covers.
// RUN: %not %escape %s -- %std 2> %t.err | %FileCheck %s --implicit-check-not=warning:
// RUN: %FileCheck %s --check-prefix=ERR --allow-empty < %t.err

// ERR-NOT: warning

int *g;

int *bare() { int x = 0; return &x; } // NOLINT
int *named() { int x = 0; return &x; } // NOLINT(escape-return)
int *globbed() { int x = 0; return &x; } // NOLINT(escape-*)
int *star() { int x = 0; return &x; } // NOLINT(*)
int *listed() { int x = 0; return &x; } // NOLINT(bugprone-foo, escape-return)
/* NOLINT */ int *block() { int x = 0; return &x; }
int *spaced() { int x = 0; return &x; } // NOLINT (escape-global) is a bare NOLINT

// Another rule's name does not suppress.
int *otherRule() { int x = 0; return &x; } // NOLINT(escape-global)
// CHECK: nolint.cpp:[[@LINE-1]]:31: warning: {{.*}} [escape-return]
// A negative glob suppresses nothing (clang-tidy drops them).
int *negative() { int x = 0; return &x; } // NOLINT(-escape-return)
// CHECK: nolint.cpp:[[@LINE-1]]:30: warning: {{.*}} [escape-return]
// In a string, not a comment.
const char *text() { return "// NOLINT"; } int *inString() { int x = 0; return &x; }
// CHECK: nolint.cpp:[[@LINE-1]]:73: warning: {{.*}} [escape-return]

// NOLINTNEXTLINE(escape-global)
void nextLine() { int y = 0; g = &y; }
// NOLINTNEXTLINE(escape-global)

void notTheLineAfterNext() { int y = 0; g = &y; }
// CHECK: nolint.cpp:[[@LINE-1]]:41: warning: {{.*}} [escape-global]
// NOLINTNEXTLINE
void nextLineBare() { int y = 0; g = &y; }
void sameLineNext() { int y = 0; g = &y; } // NOLINTNEXTLINE
// CHECK: nolint.cpp:[[@LINE-1]]:34: warning: {{.*}} [escape-global]

// NOLINTBEGIN(escape-return, escape-global)
int *inBlock1() { int x = 0; return &x; }
void inBlock2() { int y = 0; g = &y; }
// NOLINTEND(escape-return, escape-global)
int *afterBlock() { int x = 0; return &x; }
// CHECK: nolint.cpp:[[@LINE-1]]:32: warning: {{.*}} [escape-return]

// NOLINTBEGIN(escape-return)
void globalInReturnBlock() { int y = 0; g = &y; }
// CHECK: nolint.cpp:[[@LINE-1]]:41: warning: {{.*}} [escape-global]
// NOLINTBEGIN
void nested() { int y = 0; g = &y; }
// NOLINTEND
int *stillInOuter() { int x = 0; return &x; }
// NOLINTEND(escape-return)
int readG() { return *g; } // read: it keeps what it takes
