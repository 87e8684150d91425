// RUN: %escape --interprocedural %s -- %std | count 0
// Negative cases for escape-thread: threads that are joined while the object
// is alive, futures consumed in the object's scope, and tasks that own what
// they use. None of them may be reported.

#include <pthread.h>

#include <future>
#include <thread>

void work(int *p);

int joinedInTheSameScope() {
  int x = 0;
  std::thread t([&x] { ++x; });
  t.join();
  return x;
}

int joinedWithAnArgument() {
  int y = 0;
  std::thread t(work, &y);
  t.join();
  return y;
}

int jthreadJoinsAtTheEndOfTheBlock() {
  int x = 0;
  {
    std::jthread t([&x] { ++x; });
  }
  return x;
}

int jthreadInTheObjectsScope() {
  int x = 0;
  std::jthread t([&x] { ++x; });
  return 0;
}

int futureConsumedInScope() {
  int x = 1;
  auto f = std::async(std::launch::async, [&x] { return x + 1; });
  return f.get();
}

int futureDiesInTheBlock() {
  int total = 0;
  {
    int x = 1;
    auto f = std::async(std::launch::async, [&x] { return x; });
    total = f.get();
  }
  return total;
}

std::thread taskCapturesByValue() {
  int x = 1;
  return std::thread([x] { (void)x; });
}

std::future<int> asyncTaskCapturesByValue() {
  int x = 1;
  return std::async([x] { return x; });
}

std::future<int> asyncArgumentByValue(int (*fn)(int)) {
  int x = 1;
  return std::async(fn, x);
}

void *body(void *arg) { return arg; }

int pthreadJoined() {
  int n = 0;
  pthread_t t;
  pthread_create(&t, nullptr, body, &n);
  pthread_join(t, nullptr);
  return n;
}
