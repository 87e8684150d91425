#include "env.h"

#include <chrono>
#include <thread>

void State::run(void *arg) {
  State *s = static_cast<State *>(arg);
  std::lock_guard<std::mutex> lock(s->mu);
  s->done = true;
  s->cv.notify_one();
}

void startThread(void (*fn)(void *), void *arg) {
  std::thread t(fn, arg);
  t.detach();
}

void waitUntilDone(State &s) {
  std::unique_lock<std::mutex> lock(s.mu);
  while (!s.done)
    s.cv.wait(lock);
}

void sleepMillis(int ms) {
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

Registration *Registration::current;
Registration::Registration() { current = this; }
Registration::~Registration() { current = nullptr; }
int registered() { return Registration::current != nullptr; }
