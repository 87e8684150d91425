#pragma once
#include <condition_variable>
#include <mutex>

struct State {
  std::mutex mu;
  std::condition_variable cv;
  bool done = false;
  static void run(void *arg);
};

struct Registration {
  static Registration *current;
  Registration();
  ~Registration();
};

// Defined in env.cpp: hands arg to a detached thread; waits until s.done.
void startThread(void (*fn)(void *), void *arg);
void waitUntilDone(State &s);
void sleepMillis(int ms);
