// RUN: %escape %s -- %std | count 0
// Negative cases for escape-throw: exceptions that carry values, string
// literals, or addresses of objects with static or dynamic storage.

struct Error {
  const char *msg;
  int code;
};

int g_code;

void throwValue() {
  int x = 3;
  throw x;
}

void throwStringLiteral() { throw "failure"; }

void throwAddressOfStatic() {
  static int s = 1;
  throw &s;
}

void throwAddressOfGlobal() { throw &g_code; }

void throwHeapObject() { throw new Error{"heap", 2}; }

void throwStructBuiltFromValues() {
  int code = 4;
  int *p = &code;
  throw Error{"bad", *p};
}

void throwCallerPointer(int *p) { throw p; }

void rethrowCaughtException() {
  try {
    throw 1;
  } catch (int &e) {
    e += 1;
    throw;
  }
}

void throwDereferencedLocalPointer() {
  int x = 5;
  int *p = &x;
  throw *p;
}

void throwStructWithLiteral() { throw Error{"static", 7}; }
