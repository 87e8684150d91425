//===- GCBench.cpp - The Ellis-Kovac-Boehm GCBench, reimplemented ---------===//
//
// An independent implementation of the published algorithm (the original
// source's licence is unclear, so none of it is copied):
//   1. build a "stretch" tree of depth 18 and drop it;
//   2. build a long-lived tree of depth 16 top-down and a long-lived
//      500000-double array (pointer-free), half filled;
//   3. for depth d = 4, 6, ..., 16 build NumIters(d) trees top-down
//      (Populate) and as many bottom-up (MakeTree), dropping each;
//   4. check that the long-lived data survived.
// NumIters(d) = 2 * TreeSize(18) / TreeSize(d), TreeSize(i) = 2^(i+1) - 1.
// About 15.3 M node allocations; peak live data about 12 MB.
//
//===----------------------------------------------------------------------===//

#include "Backend.h"

#include <cstdlib>

using namespace bench;

namespace {

constexpr int kStretchTreeDepth = 18;
constexpr int kLongLivedTreeDepth = 16;
constexpr std::size_t kArraySize = 500000;
constexpr int kMinTreeDepth = 4;
constexpr int kMaxTreeDepth = 16;

long treeSize(int depth) { return (1L << (depth + 1)) - 1; }
long numIters(int depth) {
  return 2 * treeSize(kStretchTreeDepth) / treeSize(depth);
}

GapProbe probe;
unsigned long allocations = 0;

Node *allocateNode() {
  if ((++allocations & 63) == 0)
    probe.tick();
  return newNode();
}

Node *allocateNode(Node *left, Node *right) {
  if ((++allocations & 63) == 0)
    probe.tick();
  return newNode(left, right);
}

/// Top-down: fresh children are stored into an older node.
void populate(int depth, Node *node) {
  if (depth <= 0)
    return;
  --depth;
  node->left = allocateNode();
  node->right = allocateNode();
  populate(depth, node->left);
  populate(depth, node->right);
}

/// Bottom-up: children exist before their parent.
Node *makeTree(int depth) {
  if (depth <= 0)
    return allocateNode();
  Node *left = makeTree(depth - 1);
  Node *right = makeTree(depth - 1);
  return allocateNode(left, right);
}

void timeConstruction(int depth) {
  long iterations = numIters(depth);
  for (long i = 0; i < iterations; ++i) {
    Node *tree = allocateNode();
    populate(depth, tree);
    freeTree(tree);
  }
  for (long i = 0; i < iterations; ++i) {
    Node *tree = makeTree(depth);
    freeTree(tree);
  }
}

long countNodes(const Node *node) {
  return node ? 1 + countNodes(node->left) + countNodes(node->right) : 0;
}

} // namespace

int main() {
  initBackend();
  auto start = std::chrono::steady_clock::now();
  probe.restart();

  Node *stretch = makeTree(kStretchTreeDepth);
  freeTree(stretch);

  Node *longLived = allocateNode();
  populate(kLongLivedTreeDepth, longLived);
  double *array = newDoubles(kArraySize);
  for (std::size_t i = 0; i < kArraySize / 2; ++i)
    array[i] = 1.0 / static_cast<double>(i);

  for (int depth = kMinTreeDepth; depth <= kMaxTreeDepth; depth += 2)
    timeConstruction(depth);

  bool intact = countNodes(longLived) == treeSize(kLongLivedTreeDepth) &&
                array[1000] == 1.0 / 1000;
  double totalMs = std::chrono::duration<double, std::milli>(
                       std::chrono::steady_clock::now() - start)
                       .count();
  CollectorFigures figures = collectorFigures();
  std::printf("RESULT bench=gcbench backend=%s total_ms=%.1f max_gap_ms=%.2f "
              "max_pause_ms=%.2f gcs=%llu peak_rss_mb=%.1f live_mb=12 "
              "allocations=%lu intact=%d\n",
              backendName(), totalMs, probe.maxGapMs, figures.maxPauseMs,
              figures.collections, peakRssMb(), allocations, intact ? 1 : 0);
  freeTree(longLived);
  freeDoubles(array);
  return intact ? 0 : 1;
}
