// Go's size limits (HeapAllocReason): new(T) larger than 64 KiB goes to the
// heap, "too large for stack"; make([]T, N) with a constant N is an
// allocation site of its own (C++: a std::vector of constant size).
#include <vector>

struct Big {
  unsigned char data[100000];
};

struct Small {
  unsigned char data[16];
};

unsigned char big() {
  Big *b = new Big; // L: big
  unsigned char r = b->data[0];
  delete b;
  return r;
}

unsigned char small() {
  Small *s = new Small; // L: small
  unsigned char r = s->data[0];
  delete s;
  return r;
}

int slice() {
  std::vector<int> s(8); // L: slice
  return s[0];
}

std::vector<int> gs;

void sliceEscapes() {
  std::vector<int> s(8); // L: slice_escapes
  gs = s;
}
