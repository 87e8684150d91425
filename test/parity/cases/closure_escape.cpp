// Closures: returned ones escape, and so do the variables they capture by
// reference (escape2.go foo21a, foo22).

auto foo21a() {
  int x = 42;           // L: x
  return [&x]() { // L: lit
    x++;
    return x;
  };
}

int foo22() {
  int x = 42;
  return [x]() { // L: called
    return x;
  }();
}

auto byValue() {
  int x = 1;
  return [x]() { // L: byvalue
    // DIVERGE(byvalue) go="func literal escapes to heap" cxx="lambda does not escape" why: a Go func value is a pointer to a closure record, which must live on the heap once returned; a C++ closure that captures only pointer-free copies is a plain value, copied out like an int, so nothing of it can outlive the frame (Go's own rule that pointer-free values carry no flow, applied to the closure type).
    return x;
  };
}
