// A closure stored in a global escapes, with what it captures by reference.

#include <functional>

std::function<int()> gf;

void store() {
  int x = 0;          // L: x
  gf = [&x]() {       // L: lit
    x++;
    return x;
  };
}
