// RUN: %escape %s -- %std | count 0
// Negative cases for escape-outparam: out-parameters that receive values,
// addresses of long-lived objects, or that are only reseated locally.

struct Result {
  const char *msg;
  int code;
};

struct Node {
  int *data;
  Node *next;
};

int g_value;
void use();

void storeValueThroughPointer(int *out) {
  int x = 42;
  *out = x;
}

void storeAddressOfStatic(int **out) {
  static int s;
  *out = &s;
}

void storeHeapAllocation(int *&out) { out = new int(0); }

void storeStringLiteral(Result *r) {
  r->msg = "ok";
  r->code = 0;
}

void reseatByValueParameter(int *out) {
  int x = 0;
  out = &x;
  *out = 5;
}

void resetBeforeReturning(int **out) {
  int x = 0;
  *out = &x;
  use();
  *out = nullptr;
}

void storeOtherParameter(int **out, int *in) { *out = in; }

void storeElementOfCallerArray(int **out, int *arr) { *out = &arr[3]; }

void linkCallerNodes(Node *a, Node *b) { a->next = b; }

void copyElementsOut(int *dst) {
  int tmp[4] = {1, 2, 3, 4};
  int *src = tmp;
  for (int i = 0; i < 4; ++i)
    dst[i] = src[i];
}

void storeThroughLocalPointerToPointer(int **out) {
  int x = 0;
  int *local = &x;
  int **pp = &local;
  *pp = &g_value;
  *out = &g_value;
}

void writeResultCode(Result &r) {
  int code = 3;
  int *p = &code;
  r.code = *p;
}
