// RUN: %escape %s -- %std | count 0
// Negative cases for escape-member: members that hold values, addresses of
// other members, statics, heap objects or caller-owned objects.

int g_value;
void use();

struct Parser {
  const char *cursor = nullptr;
  int *counter = nullptr;
  int value = 0;
  int storage[4] = {};

  void storeValueNotAddress() {
    int n = 5;
    int *p = &n;
    value = *p;
  }

  void pointToOwnMember() { counter = &value; }

  void pointIntoOwnArray() { counter = storage + 1; }

  void pointToStaticLocal() {
    static int shared;
    counter = &shared;
  }

  void pointToHeap() { counter = new int(0); }

  void pointToCallerObject(int *p) { counter = p; }

  void resetBeforeReturning() {
    int n = 0;
    counter = &n;
    use();
    counter = nullptr;
  }

  void pointToStringLiteral() { cursor = "begin"; }

  void localPointerOnly() {
    char buf[16] = "x";
    const char *p = buf;
    value = p[0];
  }
};

struct ReferenceToCallerObject {
  const int &ref;
  int *ptr;
  ReferenceToCallerObject(const int &r, int *p) : ref(r), ptr(p) {}
};

struct SelfPointer {
  int val;
  int *ptr;
  SelfPointer(int v) : val(v), ptr(&val) {}
};

struct Other {
  int *p;
};

struct Linker {
  Other *other = nullptr;
  void pointLocalStructToLocal() {
    int n = 0;
    Other local{};
    local.p = &n;
    *local.p = 1;
  }
};
