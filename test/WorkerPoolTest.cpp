//===- WorkerPoolTest.cpp - Work items in child processes -----------------===//

#include "WorkerPool.h"

#include "gtest/gtest.h"

#include <atomic>
#include <csignal>
#include <set>
#include <cstdlib>
#include <sys/mman.h>
#include <unistd.h>
#include <vector>

using namespace cxxescape::driver;

namespace {

/// Memory the children share with the test (counters survive their exit).
template <typename T> struct Shared {
  T *Ptr;
  Shared() {
    void *P = mmap(nullptr, sizeof(T), PROT_READ | PROT_WRITE,
                   MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    Ptr = new (P) T();
  }
  ~Shared() { munmap(Ptr, sizeof(T)); }
  T *operator->() { return Ptr; }
};

struct Counters {
  std::atomic<int> Running{0};
  std::atomic<int> MostRunning{0};
  std::atomic<int> Ran[8];
  std::atomic<int> Pid[8];
};

TEST(WorkerPoolTest, EveryItemEndsOnceWithItsOwnStatusInFewChildren) {
  ASSERT_TRUE(workerProcessesAvailable());
  Shared<Counters> C;
  std::vector<WorkerStatus> Seen(6);
  std::vector<int> Reports(6, 0);
  bool Started = runInWorkerProcesses(
      6, 2,
      [&](size_t I) {
        int Now = ++C->Running;
        int Most = C->MostRunning.load();
        while (Now > Most && !C->MostRunning.compare_exchange_weak(Most, Now)) {
        }
        ++C->Ran[I];
        C->Pid[I] = getpid();
        usleep(20000);
        --C->Running;
        if (I == 1)
          abort();
        if (I == 2)
          raise(SIGKILL);
        return I == 3 ? 7 : 0;
      },
      [&](size_t I, const WorkerStatus &S) {
        ASSERT_LT(I, Seen.size());
        Seen[I] = S;
        ++Reports[I];
      });
  ASSERT_TRUE(Started);
  for (size_t I = 0; I < 6; ++I) {
    EXPECT_EQ(Reports[I], 1) << I;
    EXPECT_EQ(C->Ran[I].load(), 1) << I;
  }
  EXPECT_LE(C->MostRunning.load(), 2);
  // A child runs items in turn: two children, plus one replacing each of the
  // two that died.
  std::set<int> Pids;
  for (size_t I = 0; I < 6; ++I)
    Pids.insert(C->Pid[I].load());
  EXPECT_LE(Pids.size(), 4u);
  EXPECT_EQ(Pids.count(getpid()), 0u);
  EXPECT_TRUE(Seen[0].succeeded());
  EXPECT_TRUE(Seen[4].succeeded());
  EXPECT_TRUE(Seen[5].succeeded());
  EXPECT_FALSE(Seen[1].succeeded());
  EXPECT_EQ(Seen[1].Signal, SIGABRT);
  EXPECT_EQ(Seen[1].describe().rfind("killed by signal 6", 0), 0u)
      << Seen[1].describe();
  EXPECT_EQ(Seen[2].Signal, SIGKILL);
  EXPECT_TRUE(Seen[3].Exited);
  EXPECT_EQ(Seen[3].Code, 7);
  EXPECT_EQ(Seen[3].describe(), "exited with status 7");
}

TEST(WorkerPoolTest, ChildrenDoNotChangeTheCallersMemory) {
  int Value = 1;
  std::vector<bool> Ok(3, false);
  ASSERT_TRUE(runInWorkerProcesses(
      3, 1,
      [&](size_t) {
        Value = 99; // the child's own copy
        return 0;
      },
      [&](size_t I, const WorkerStatus &S) { Ok[I] = S.succeeded(); }));
  EXPECT_EQ(Value, 1);
  EXPECT_EQ(Ok, std::vector<bool>(3, true));
}

TEST(WorkerPoolTest, WorksWhenTheCallerIgnoresSIGCHLD) {
  // Some launchers start their children with SIGCHLD ignored: the kernel
  // then reaps them itself, and nobody could wait for a worker.
  struct sigaction Ignore = {}, Old = {};
  Ignore.sa_handler = SIG_IGN;
  ASSERT_EQ(sigaction(SIGCHLD, &Ignore, &Old), 0);
  // One worker, so that the items after the crash need the replacement.
  std::vector<int> Codes(4, -1);
  bool Started = runInWorkerProcesses(
      4, 1,
      [](size_t I) {
        if (I == 1)
          abort();
        return int(I);
      },
      [&](size_t I, const WorkerStatus &S) {
        Codes[I] = S.Exited ? S.Code : -S.Signal;
      });
  sigaction(SIGCHLD, &Old, nullptr);
  ASSERT_TRUE(Started);
  EXPECT_EQ(Codes, (std::vector<int>{0, -SIGABRT, 2, 3}));
}

TEST(WorkerPoolTest, NoItemsRunsNothing) {
  int Calls = 0;
  EXPECT_TRUE(runInWorkerProcesses(
      0, 2, [](size_t) { return 0; },
      [&](size_t, const WorkerStatus &) { ++Calls; }));
  EXPECT_EQ(Calls, 0);
}

} // namespace
