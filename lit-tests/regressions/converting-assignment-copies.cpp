// A converting assignment (std::string = char array) copies the characters;
// only copy and move assignments copy pointers. Found on leveldb.
// RUN: %escape %s -- %std | count 0
#include <string>

bool property(std::string *value, int n) {
  char buf[100];
  buf[0] = static_cast<char>('0' + n);
  buf[1] = 0;
  *value = buf;
  return true;
}

void testDirectory(std::string *result, bool fromEnv) {
  if (fromEnv) {
    *result = "/tmp";
  } else {
    char buf[100] = "/tmp/x";
    *result = buf;
  }
}

struct Holder {
  std::string name;
  void set() {
    char local[8] = "abc";
    name = local;
  }
};
