// A small inventory tool with four escaping-local bugs. Clang warns about
// the two direct returns; the two stores into globals compile silently. All
// four work by accident until the stack is reused: AddressSanitizer reports
// the first one it meets (stack-use-after-return).
// `cxx-escape --fix` moves each escaping local to the GC runtime's heap,
// keeping every use as it is (see README.md beside this file).

#include <cstdio>
#include <string>

struct Item {
  std::string Name;
  int Count;
};

// escape-return: the counter dies when makeCounter returns.
static int *makeCounter(int Start) {
  int Counter = Start;
  return &Counter;
}

// escape-global: the item dies when remember returns.
static const Item *LastItem = nullptr;
static void remember(const char *Name, int Count) {
  Item Remembered{Name, Count};
  LastItem = &Remembered;
}

// escape-global through a by-value parameter.
static const std::string *Longest = nullptr;
static void consider(std::string Word) {
  if (!Longest || Word.size() > Longest->size())
    Longest = &Word;
}

// escape-return of an array: the buffer dies when label returns.
static char *label(const char *What, int Count) {
  char Buffer[32];
  std::snprintf(Buffer, sizeof Buffer, "%s x%d", What, Count);
  return Buffer;
}

int main() {
  int *Counter = makeCounter(41);
  ++*Counter;
  remember("bolts", 12);
  consider("nuts");
  consider("washers");
  char *Label = label("screws", 7);
  std::printf("counter %d, last %s (%d), longest %s, label %s\n", *Counter,
              LastItem->Name.c_str(), LastItem->Count, Longest->c_str(),
              Label);
  return 0;
}
