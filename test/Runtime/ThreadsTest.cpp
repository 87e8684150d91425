//===- ThreadsTest.cpp - Several mutators, threads coming and going -------===//

#include "TestSupport.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

struct Cell {
  Cell *next = nullptr;
  long owner = 0;
  long index = 0;
  void trace(gc::tracer &t) const { t(next); }
};

/// Builds a private list, churns garbage, checks the list.
void mutatorWork(long owner, int rounds) {
  Cell *head = nullptr;
  for (int round = 0; round < rounds; ++round) {
    for (int i = 0; i < 2000; ++i) {
      Cell *cell = gc::make<Cell>();
      cell->owner = owner;
      cell->index = round * 2000 + i;
      if (i % 10 == 0) {
        cell->next = head;
        head = cell;
      }
    }
  }
  long expected = rounds * 2000 - 2000 + 1990;
  for (Cell *c = head; c; c = c->next) {
    ASSERT_EQ(c->owner, owner);
    ASSERT_EQ(c->index, expected);
    expected -= 10;
  }
}

TEST(Threads, SeveralMutatorsAllocating) {
  std::vector<std::thread> threads;
  // 4 x 32 MB: well past the pacer's minimum runway (16 MiB), so cycles
  // the pacer starts on some mutator interleave with the explicit ones.
  for (long t = 0; t < 4; ++t)
    threads.emplace_back([t] { mutatorWork(t, 500); });
  for (int i = 0; i < 10; ++i) {
    gc::collect();
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  for (std::thread &thread : threads)
    thread.join();
  EXPECT_GT(gc::stats().cycles, 10u);
}

TEST(Threads, ThreadsStartAndExitDuringCollections) {
  std::atomic<bool> stop{false};
  std::thread collector([&] {
    while (!stop.load()) {
      gc::collect();
      std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
  });
  for (int wave = 0; wave < 20; ++wave) {
    std::vector<std::thread> threads;
    for (long t = 0; t < 3; ++t)
      threads.emplace_back([t] { mutatorWork(t, 5); });
    for (std::thread &thread : threads)
      thread.join();
  }
  stop.store(true);
  collector.join();
}

TEST(Threads, BlockedThreadsDoNotStallCollection) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  gc::root<Cell> kept;
  std::thread reader([&] {
    gc::thread_scope registered;
    Cell *mine = gc::make<Cell>();
    mine->index = 99;
    char byte;
    // Blocked in read() with no blocking_scope: the stop signal interrupts
    // it and SA_RESTART resumes it.
    ASSERT_EQ(read(fds[0], &byte, 1), 1);
    EXPECT_EQ(mine->index, 99);
    kept = mine;
  });
  std::thread sleeper([&] {
    gc::thread_scope registered;
    Cell *mine = gc::make<Cell>();
    mine->index = 77;
    {
      gc::blocking_scope blocked; // not even signalled
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    EXPECT_EQ(mine->index, 77);
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 20; ++i) {
    for (int j = 0; j < 20000; ++j)
      gc::make<Cell>();
    gc::collect();
  }
  double ms = std::chrono::duration<double, std::milli>(
                  std::chrono::steady_clock::now() - start)
                  .count();
  EXPECT_LT(ms, 5000.0);
  ASSERT_EQ(write(fds[1], "x", 1), 1);
  reader.join();
  sleeper.join();
  close(fds[0]);
  close(fds[1]);
  EXPECT_EQ(kept->index, 99);
}

TEST(Threads, RegistrationIsScoped) {
  std::thread worker([] {
    EXPECT_FALSE(gc::thread_is_registered());
    {
      gc::thread_scope registered;
      EXPECT_TRUE(gc::thread_is_registered());
      { gc::thread_scope nested; }
      EXPECT_TRUE(gc::thread_is_registered());
    }
    EXPECT_FALSE(gc::thread_is_registered());
    gc::make<Cell>(); // implicit registration until the thread exits
    EXPECT_TRUE(gc::thread_is_registered());
  });
  worker.join();
  gc::collect();
}

} // namespace
