// A pointer thrown and caught by a handler of the same function stays in
// the function: the object is alive in the handler.
// RUN: %not %escape %s -- %std | %FileCheck %s --implicit-check-not=warning:
// Before C++17 a thrown prvalue is a temporary the exception object is
// copied from:
// RUN: %not %escape %s -- -std=c++11 | %FileCheck %s --implicit-check-not=warning:
void caughtLocally() {
  int x = 0;
  try {
    throw &x;
  } catch (int *p) {
    *p = 1;
  }
}

void caughtByAll() {
  int x = 0;
  try {
    throw &x;
  } catch (...) {
  }
}

int *g;
void caughtThenStored() {
  int x = 0;
  try {
    throw &x;
  } catch (int *p) {
    // CHECK: caught-locally.cpp:[[@LINE+1]]:5: warning: address of local variable 'x' is stored in global 'g'{{.*}}[escape-global]
    g = p;
  }
}

void wrongHandler() {
  int x = 0;
  try {
    // CHECK: caught-locally.cpp:[[@LINE+1]]:5: warning: address of local variable 'x' is thrown out of 'wrongHandler'{{.*}}[escape-throw]
    throw &x;
  } catch (long *p) {
  }
}

// An object of the try block is destroyed before its handler runs.
void unusedInHandler() {
  try {
    int x = 0;
    throw &x;
  } catch (int *p) {
  }
}

int readInHandler() {
  try {
    int x = 0;
    // CHECK: caught-locally.cpp:[[@LINE+1]]:5: warning: address of local variable 'x' is kept in 'p', which outlives the scope of 'x'{{.*}}[escape-scope]
    throw &x;
  } catch (int *p) {
    return *p;
  }
  return 0;
}

// A handler's reference binds the exception object, a copy of the operand
// that lives until the handler ends: neither the thrown temporary nor the
// thrown local is what it refers to (fmt's EXPECT_THROW_MSG).
struct Error {
  Error();
  Error(const Error &);
  ~Error();
  const char *what() const;
  const int *where = nullptr;
};
Error makeError(int code);

void caughtTemporaryByReference() {
  Error copy;
  try {
    throw Error();
  } catch (const Error &e) {
    copy = e;
  }
  try {
    throw makeError(1);
  } catch (const Error &e) {
    const char *w = e.what();
    (void)w;
  }
}

const int *g_where;
void caughtLocalByReference() {
  Error local;
  try {
    throw local;
  } catch (Error &e) {
    e.where = nullptr;
  }
}

// What the exception object holds is still followed.
void caughtAndKeptContent() {
  int x = 0;
  try {
    Error err;
    err.where = &x;
    throw err;
  } catch (const Error &e) {
    // CHECK: caught-locally.cpp:[[@LINE+1]]:5: warning: address of local variable 'x' is stored in global 'g_where'{{.*}}[escape-global]
    g_where = e.where;
  }
}

// A global nothing reads keeps nothing anyone can use: these are read.
int readGlobals() { return *g + *g_where; }
