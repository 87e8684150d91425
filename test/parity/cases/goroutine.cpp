// go f(&x): the goroutine may outlive the frame (escape2.go foo82).
// C++: std::thread, through the library model.
#include <thread>

void noop(int *p) {} // L: noop

void spawn() {
  int x; // L: x
  std::thread(noop, &x).detach();
}
