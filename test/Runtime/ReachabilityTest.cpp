//===- ReachabilityTest.cpp - Reachable objects survive, others go --------===//

#include "TestSupport.h"

#include <gtest/gtest.h>

#include <vector>

namespace {

using gctest::Tracked;

struct TreeNode {
  TreeNode *left = nullptr;
  TreeNode *right = nullptr;
  long value = 0;
  void trace(gc::tracer &t) const {
    t(left);
    t(right);
  }
};

TreeNode *buildTree(int depth, long &counter) {
  auto *node = gc::make<TreeNode>();
  node->value = counter++;
  if (depth > 0) {
    node->left = buildTree(depth - 1, counter);
    node->right = buildTree(depth - 1, counter);
  }
  return node;
}

/// Checks every node is intact (values in pre-order) and counts them.
long checkTree(const TreeNode *node, long &expected) {
  if (!node)
    return 0;
  EXPECT_EQ(node->value, expected);
  ++expected;
  return 1 + checkTree(node->left, expected) + checkTree(node->right, expected);
}

__attribute__((noinline)) void allocateGarbage(int n) {
  for (int i = 0; i < n; ++i)
    gc::make<Tracked>();
}

TEST(Reachability, ReachableTreeSurvivesManyCycles) {
  long counter = 0;
  gc::root<TreeNode> tree(buildTree(14, counter));
  for (int cycle = 0; cycle < 5; ++cycle) {
    // Garbage in the same size class reuses the dead cells around the tree.
    long garbage = 0;
    for (int i = 0; i < 20; ++i)
      buildTree(10, garbage);
    gc::collect();
    long expected = 0;
    EXPECT_EQ(checkTree(tree.get(), expected), counter);
  }
}

TEST(Reachability, UnreachableObjectsAreDestroyed) {
  long before = Tracked::destroyed.load();
  allocateGarbage(10000);
  gctest::collectClean();
  gctest::collectClean();
  // Conservative scanning may retain a handful through stale words.
  EXPECT_GE(Tracked::destroyed.load() - before, 10000 - 16);
  EXPECT_EQ(Tracked::doubleDestroyed.load(), 0);
}

TEST(Reachability, HeapStaysBoundedUnderChurn) {
  // 200 MB of garbage through a heap whose live set is tiny.
  long counter = 0;
  gc::root<TreeNode> keep(buildTree(8, counter));
  std::size_t maxHeap = 0;
  for (int round = 0; round < 100; ++round) {
    long garbage = 0;
    buildTree(15, garbage); // 64K nodes, 2 MB
    maxHeap = std::max(maxHeap, gc::stats().heap_bytes);
  }
  gc::statistics s = gc::stats();
  EXPECT_GT(s.cycles, 10u);
  EXPECT_LT(maxHeap, std::size_t{40} << 20);
  EXPECT_GE(s.goal_bytes, std::size_t{4} << 20);
  long expected = 0;
  EXPECT_EQ(checkTree(keep.get(), expected), counter);
}

TEST(Reachability, PacerFollowsGogc) {
  int previous = gc::set_gogc(50);
  EXPECT_EQ(gc::gogc(), 50);
  std::vector<gc::root<TreeNode>> keep;
  long counter = 0;
  for (int i = 0; i < 8; ++i)
    keep.emplace_back(buildTree(15, counter)); // 16 MiB live
  gc::collect();
  gc::statistics s = gc::stats();
  EXPECT_NEAR(static_cast<double>(s.goal_bytes),
              static_cast<double>(s.live_bytes) * 1.5,
              static_cast<double>(s.live_bytes) * 0.01);
  // Off: allocation alone never collects.
  gc::set_gogc(-1);
  std::uint64_t cycles = gc::stats().cycles;
  for (int i = 0; i < 8; ++i)
    buildTree(15, counter);
  EXPECT_EQ(gc::stats().cycles, cycles);
  gc::set_gogc(previous);
}

TEST(Reachability, PacerKeepsMinimumRunwayForSmallHeaps) {
  // A few MiB live: GOGC alone would allow only that much allocation
  // before the next cycle; the pacer grants at least 16 MiB * GOGC/100.
  int previous = gc::set_gogc(100);
  long counter = 0;
  gc::root<TreeNode> keep(buildTree(14, counter)); // about 1 MiB
  gc::collect();
  gc::statistics s = gc::stats();
  EXPECT_GE(s.goal_bytes, s.live_bytes + (std::size_t{16} << 20));
  gc::set_gogc(50);
  s = gc::stats();
  EXPECT_GE(s.goal_bytes, s.live_bytes + (std::size_t{8} << 20));
  EXPECT_LT(s.goal_bytes, s.live_bytes + (std::size_t{9} << 20));
  gc::set_gogc(previous);
}

TEST(Reachability, StatisticsReportPauses) {
  for (int i = 0; i < 5; ++i)
    gc::collect();
  gc::statistics s = gc::stats();
  EXPECT_GE(s.cycles, 5u);
  EXPECT_GT(s.pause_max_ms, 0.0);
  EXPECT_GE(s.pause_total_ms, s.pause_max_ms);
  EXPECT_LE(s.pause_p50_ms, s.pause_p90_ms);
  EXPECT_LE(s.pause_p90_ms, s.pause_p99_ms);
  EXPECT_LE(s.pause_p99_ms, s.pause_max_ms);
}

} // namespace
