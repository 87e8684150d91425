// escape2.go foo44: a parameter stored in a global's field.

struct Foo {
  int x;
  int *xx;
};

Foo F;

void foo44(int *yy) { // L: foo44
  F.xx = yy;
}

void foo45() {
  // DIVERGE(foo45) go="foo45 ignoring self-assignment in F.x = F.x" cxx="" why: Go's note about self-assignments it skips (escape_selfassign.go) is not printed by cxx-escape, which has no such special case.
  F.x = F.x; // L: foo45
}
