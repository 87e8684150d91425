// escape2.go foo41/foo42-like: a parameter stored into a local struct, then through a pointer.

// RENAME: f -> this
struct Foo {
  int x;
  int *xx;
  void foo42(int x);
};

Foo F;

void foo41(int x) { // L: foo41
  F.xx = &x;
}

void Foo::foo42(int x) { // L: foo42
  xx = &x;
}

void foo43(Foo *g, int x) { // L: foo43
  g->xx = &x;
}
