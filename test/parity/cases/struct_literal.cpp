// Struct values carry the addresses stored in their fields
// (escape_struct_return.go; fields are not told apart).

struct S {
  int *p;
  int *q;
};

int *gp;

S retStruct(int x) { // L: x
  return S{&x, nullptr};
}

int localStruct() {
  int y = 0;
  S s{&y, nullptr};
  return *s.p;
}

void fieldFlow() {
  int i = 0; // L: i
  S s;
  s.p = &i;
  gp = s.q;
}
