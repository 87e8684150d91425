//===- DeepStructureTest.cpp - Long lists, deep trees, mark-stack overflow ===//

#include "TestSupport.h"

#include <gtest/gtest.h>

namespace {

struct ListNode {
  ListNode *next = nullptr;
  long value = 0;
  void trace(gc::tracer &t) const { t(next); }
};

struct TreeNode {
  TreeNode *left = nullptr;
  TreeNode *right = nullptr;
  void trace(gc::tracer &t) const {
    t(left);
    t(right);
  }
};

TreeNode *buildTree(int depth) {
  auto *node = gc::make<TreeNode>();
  if (depth > 0) {
    node->left = buildTree(depth - 1);
    node->right = buildTree(depth - 1);
  }
  return node;
}

long countTree(const TreeNode *node) {
  return node ? 1 + countTree(node->left) + countTree(node->right) : 0;
}

/// Restores the default debug options when a test ends.
struct DebugOptionsGuard {
  gc::debug_options saved = gc::get_debug_options();
  ~DebugOptionsGuard() { gc::set_debug_options(saved); }
};

TEST(DeepStructures, TenMillionNodeList) {
  constexpr long kNodes = 10'000'000;
  gc::root<ListNode> head(gc::make<ListNode>());
  ListNode *tail = head.get();
  for (long i = 1; i < kNodes; ++i) {
    tail->next = gc::make<ListNode>();
    tail = tail->next;
    tail->value = i;
  }
  tail = nullptr;
  gc::collect();
  long count = 0;
  for (ListNode *n = head.get(); n; n = n->next) {
    ASSERT_EQ(n->value, count);
    ++count;
  }
  EXPECT_EQ(count, kNodes);
  EXPECT_GE(gc::stats().live_bytes, std::size_t{kNodes} * 32);
}

TEST(DeepStructures, MarkStackOverflowLosesNothing) {
  DebugOptionsGuard guard;
  gc::debug_options options = guard.saved;
  options.mark_stack_limit = 8; // a depth-16 tree needs ~17 entries
  options.verify = true;        // and the second mark must agree
  gc::set_debug_options(options);
  gc::root<TreeNode> tree(buildTree(16));
  // A wide object: 100000 pointers pushed at once.
  gc::root<TreeNode *> wide(gc::make_array<TreeNode *>(100000));
  for (int i = 0; i < 100000; ++i)
    wide.get()[i] = gc::make<TreeNode>();
  std::uint64_t overflowsBefore = gc::stats().mark_stack_overflows;
  gc::collect();
  EXPECT_GT(gc::stats().mark_stack_overflows, overflowsBefore);
  // Reuse freed memory aggressively, then check nothing reachable was lost.
  for (int i = 0; i < 5; ++i)
    buildTree(14);
  gc::collect();
  EXPECT_EQ(countTree(tree.get()), (1L << 17) - 1);
  for (int i = 0; i < 100000; ++i)
    ASSERT_EQ(countTree(wide.get()[i]), 1) << i;
}

TEST(DeepStructures, TreeDeeperThanTheNativeStackCouldRecurse) {
  // A degenerate tree (a left spine with right leaves) of depth 2 million:
  // a recursive marker would overflow the 8 MB native stack.
  gc::root<TreeNode> root(gc::make<TreeNode>());
  TreeNode *node = root.get();
  for (int i = 0; i < 2'000'000; ++i) {
    node->right = gc::make<TreeNode>();
    node->left = gc::make<TreeNode>();
    node = node->left;
  }
  node = nullptr;
  gc::collect();
  long count = 0;
  for (TreeNode *n = root.get(); n; n = n->left)
    count += 1 + (n->right ? 1 : 0);
  EXPECT_EQ(count, 4'000'001);
}

} // namespace
