// RUN: %not %escape --interprocedural %s -- %std | %FileCheck %s --implicit-check-not=warning:
// A local handed to another thread (directly, or through a work queue a
// background thread drains) is not dangling when the function then waits for
// that thread before the local dies: a join, a future, a wait with a
// predicate, or a loop that waits (a condition variable, a sleep) until the
// other side says it is done. A single sleep, a wait on one path only, a
// wait before the hand-off or after the local died does not synchronise.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <thread>

struct Env {
  std::mutex mu;
  std::condition_variable ready;
  std::deque<std::pair<void (*)(void *), void *>> queue;
  void schedule(void (*fn)(void *), void *arg);
  void startThread(void (*fn)(void *), void *arg);
  void backgroundLoop();
};

void Env::schedule(void (*fn)(void *), void *arg) {
  std::lock_guard<std::mutex> lock(mu);
  queue.emplace_back(fn, arg);
  ready.notify_one();
}

void Env::startThread(void (*fn)(void *), void *arg) {
  std::thread t(fn, arg);
  t.detach();
}

void Env::backgroundLoop() {
  std::unique_lock<std::mutex> lock(mu);
  while (true) {
    while (queue.empty())
      ready.wait(lock);
    auto item = queue.front();
    queue.pop_front();
    item.first(item.second);
  }
}

struct State {
  std::mutex mu;
  std::condition_variable cv;
  bool done = false;
  std::atomic<bool> flag{false};
  static void run(void *arg) {
    State *s = static_cast<State *>(arg);
    std::lock_guard<std::mutex> lock(s->mu);
    s->done = true;
    s->cv.notify_one();
  }
};

void sleepMillis(int ms) {
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

void waitUntilDone(State &s) {
  std::unique_lock<std::mutex> lock(s.mu);
  while (!s.done)
    s.cv.wait(lock);
}

struct Fixture {
  Env *env;

  // Negative: the queue hand-off, then a condition-variable wait loop.
  void queuedThenWaitLoop() {
    State state;
    env->schedule(&State::run, &state);
    std::unique_lock<std::mutex> lock(state.mu);
    while (!state.done)
      state.cv.wait(lock);
  }

  // Negative: a thread, then a polling loop that sleeps through a callee.
  void threadThenPollingLoop() {
    State state;
    env->startThread(&State::run, &state);
    while (!state.flag.load())
      sleepMillis(10);
  }

  // Negative: several hand-offs, then one wait through a callee that loops.
  void manyThenWaitingCallee() {
    State state;
    State other;
    env->schedule(&State::run, &state);
    env->startThread(&State::run, &other);
    waitUntilDone(state);
    waitUntilDone(other);
  }

  // Negative: a wait with a predicate needs no loop around it.
  void waitWithPredicate() {
    State state;
    env->startThread(&State::run, &state);
    std::unique_lock<std::mutex> lock(state.mu);
    state.cv.wait(lock, [&state] { return state.done; });
  }

  // Positive: one sleep is a race, not a wait.
  void threadThenOneSleep() {
    State state;
    // CHECK: synchronised-handoff.cpp:[[@LINE+1]]:5: warning: address of local variable 'state' is {{.*}} [escape-thread]
    env->startThread(&State::run, &state);
    sleepMillis(100);
  }

  // Positive: the wait loop runs on one path only.
  void waitOnOnePath(bool wait) {
    State state;
    // CHECK: synchronised-handoff.cpp:[[@LINE+1]]:5: warning: address of local variable 'state' is {{.*}} [escape-thread]
    env->startThread(&State::run, &state);
    if (wait)
      waitUntilDone(state);
  }

  // Positive: the loop that waits comes before the hand-off in each round,
  // so nothing waits for the last one.
  void waitBeforeHandOff(int n) {
    State state;
    for (int i = 0; i < n; ++i) {
      sleepMillis(1);
      // CHECK: synchronised-handoff.cpp:[[@LINE+1]]:7: warning: address of local variable 'state' is {{.*}} [escape-thread]
      env->startThread(&State::run, &state);
    }
  }

  // Positive: the wait comes after the local died.
  void waitAfterDeath(State &shared) {
    {
      State state;
      // CHECK: synchronised-handoff.cpp:[[@LINE+1]]:7: warning: address of local variable 'state' is {{.*}} [escape-thread]
      env->startThread(&State::run, &state);
    }
    waitUntilDone(shared);
  }
};

// Negative: a std::thread detached, then a future that the thread fulfils.
void detachedThenFuture() {
  int value = 0;
  std::promise<void> finished;
  std::future<void> waited = finished.get_future();
  std::thread t([&value, &finished] {
    ++value;
    finished.set_value();
  });
  t.detach();
  waited.wait();
}

// Positive: the same thread, nobody waits.
void detachedNoWait() {
  int value = 0;
  std::thread t([&value] { ++value; });
  // CHECK: synchronised-handoff.cpp:[[@LINE+1]]:3: warning: lambda capturing local variable 'value' by reference is handed to a thread that may outlive it{{.*}} [escape-thread]
  t.detach();
}
