// A returned closure leaks what it captures by value.

auto capture(int *p) { // L: p
  return [p]() { // L: lit
    return p;
  };
}
