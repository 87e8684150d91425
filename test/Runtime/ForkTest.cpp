//===- ForkTest.cpp - fork() while other threads allocate -----------------===//

#include "TestSupport.h"

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

using gctest::Tracked;

struct Link {
  Link *next = nullptr;
  long value = 0;
  void trace(gc::tracer &t) const { t(next); }
};

Link *buildList(int n) {
  Link *head = nullptr;
  for (int i = 0; i < n; ++i) {
    Link *link = gc::make<Link>();
    link->value = i;
    link->next = head;
    head = link;
  }
  return head;
}

bool listIntact(const Link *head, int n) {
  for (int i = n - 1; i >= 0; --i, head = head->next)
    if (!head || head->value != i)
      return false;
  return head == nullptr;
}

TEST(Fork, ChildAllocatesAndCollectsWhileParentContinues) {
  gc::root<Link> parentList(buildList(10000));
  std::atomic<bool> stop{false};
  std::vector<std::thread> busy;
  for (int t = 0; t < 2; ++t)
    busy.emplace_back([&] {
      while (!stop.load()) {
        Link *list = buildList(1000);
        if (!listIntact(list, 1000))
          std::abort();
        if (list->value % 3 == 0)
          gc::collect();
      }
    });
  for (int round = 0; round < 5; ++round) {
    pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      // The other threads do not exist here; the collector must not wait
      // for them.
      int status = listIntact(parentList.get(), 10000) ? 0 : 1;
      for (int i = 0; i < 20; ++i) {
        Link *list = buildList(5000);
        gc::collect();
        if (!listIntact(list, 5000))
          status = 2;
      }
      if (!listIntact(parentList.get(), 10000))
        status = 3;
      _exit(status);
    }
    int status = 0;
    ASSERT_EQ(waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0) << "round " << round;
  }
  stop.store(true);
  for (std::thread &thread : busy)
    thread.join();
  gc::collect();
  EXPECT_TRUE(listIntact(parentList.get(), 10000));
}

} // namespace
