//===- PauseProbe.cpp - Longest pause with a large live heap --------------===//
//
//   pause_probe DEPTH
// Builds a balanced tree of 2^(DEPTH+1) - 1 32-byte nodes that stays live
// (DEPTH 20: 64 MiB, DEPTH 22: 256 MiB), then allocates twice as many
// short-lived nodes in small trees. Reports the collector's own longest
// pause, the largest gap the mutator saw between every 64th allocation, and
// the peak RSS relative to the live tree.
//
//===----------------------------------------------------------------------===//

#include "Backend.h"

#include <cstdlib>

using namespace bench;

namespace {

GapProbe probe;
unsigned long allocations = 0;

Node *makeTree(int depth) {
  if ((++allocations & 63) == 0)
    probe.tick();
  if (depth <= 0)
    return newNode();
  Node *left = makeTree(depth - 1);
  Node *right = makeTree(depth - 1);
  return newNode(left, right);
}

long countNodes(const Node *node) {
  return node ? 1 + countNodes(node->left) + countNodes(node->right) : 0;
}

} // namespace

int main(int argc, char **argv) {
  int depth = argc > 1 ? std::atoi(argv[1]) : 20;
  initBackend();
  auto start = std::chrono::steady_clock::now();
  probe.restart();

  Node *live = makeTree(depth);
  long liveNodes = (1L << (depth + 1)) - 1;
  double liveMb = static_cast<double>(liveNodes) * 32 / (1024.0 * 1024.0);

  constexpr int kShortDepth = 9;
  long shortNodes = (1L << (kShortDepth + 1)) - 1;
  for (long made = 0; made < 2 * liveNodes; made += shortNodes) {
    Node *garbage = makeTree(kShortDepth);
    freeTree(garbage);
  }

  bool intact = countNodes(live) == liveNodes;
  double totalMs = std::chrono::duration<double, std::milli>(
                       std::chrono::steady_clock::now() - start)
                       .count();
  CollectorFigures figures = collectorFigures();
  double rss = peakRssMb();
  std::printf("RESULT bench=live%d backend=%s total_ms=%.1f max_gap_ms=%.2f "
              "max_pause_ms=%.2f gcs=%llu peak_rss_mb=%.1f live_mb=%.1f "
              "rss_over_live=%.2f intact=%d\n",
              depth, backendName(), totalMs, probe.maxGapMs, figures.maxPauseMs,
              figures.collections, rss, liveMb, rss / liveMb, intact ? 1 : 0);
  freeTree(live);
  return intact ? 0 : 1;
}
