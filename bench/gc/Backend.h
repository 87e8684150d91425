//===- Backend.h - One benchmark source, three memory managers --*- C++ -*-===//
//
// Compiled three times: BENCH_OURS (gc::make, our collector), BENCH_BOEHM
// (GC_MALLOC, Boehm GC from libgc-dev, default settings), BENCH_NEWDELETE
// (new and explicit recursive delete). Every variant prints one line
//   RESULT bench=... backend=... key=value ...
// that run.sh aggregates.
//
//===----------------------------------------------------------------------===//

#ifndef GC_BENCH_BACKEND_H
#define GC_BENCH_BACKEND_H

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <sys/resource.h>

#if defined(BENCH_OURS)
#include "gc/gc.h"
#elif defined(BENCH_BOEHM)
#include <gc.h>
#elif !defined(BENCH_NEWDELETE)
#error "define BENCH_OURS, BENCH_BOEHM or BENCH_NEWDELETE"
#endif

namespace bench {

struct Node {
  Node *left = nullptr;
  Node *right = nullptr;
  int i = 0, j = 0;
  Node() = default;
  Node(Node *l, Node *r) : left(l), right(r) {}
#if defined(BENCH_OURS)
  void trace(gc::tracer &t) const {
    t(left);
    t(right);
  }
#endif
};

#if defined(BENCH_OURS)
inline const char *backendName() { return "ours"; }
inline void initBackend() {}
inline Node *newNode() { return gc::make<Node>(); }
inline Node *newNode(Node *l, Node *r) { return gc::make<Node>(l, r); }
inline double *newDoubles(std::size_t n) { return gc::make_array<double>(n); }
inline void freeTree(Node *) {}
inline void freeDoubles(double *) {}
#elif defined(BENCH_BOEHM)
inline const char *backendName() { return "boehm"; }
inline std::uint64_t boehmPauseStart = 0, boehmMaxPauseNs = 0;
inline std::uint64_t steadyNs() {
  return static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(
          std::chrono::steady_clock::now().time_since_epoch())
          .count());
}
inline void onBoehmEvent(GC_EventType event) {
  if (event == GC_EVENT_START) {
    boehmPauseStart = steadyNs();
  } else if (event == GC_EVENT_END) {
    std::uint64_t pause = steadyNs() - boehmPauseStart;
    if (pause > boehmMaxPauseNs)
      boehmMaxPauseNs = pause;
  }
}
inline void initBackend() {
  GC_INIT();
  GC_set_on_collection_event(onBoehmEvent);
}
inline Node *newNode() { return new (GC_MALLOC(sizeof(Node))) Node(); }
inline Node *newNode(Node *l, Node *r) {
  return new (GC_MALLOC(sizeof(Node))) Node(l, r);
}
inline double *newDoubles(std::size_t n) {
  return static_cast<double *>(GC_MALLOC_ATOMIC(n * sizeof(double)));
}
inline void freeTree(Node *) {}
inline void freeDoubles(double *) {}
#else
inline const char *backendName() { return "newdelete"; }
inline void initBackend() {}
inline Node *newNode() { return new Node(); }
inline Node *newNode(Node *l, Node *r) { return new Node(l, r); }
inline double *newDoubles(std::size_t n) { return new double[n](); }
inline void freeTree(Node *node) {
  if (!node)
    return;
  freeTree(node->left);
  freeTree(node->right);
  delete node;
}
inline void freeDoubles(double *a) { delete[] a; }
#endif

/// Collector statistics for the RESULT line: collections and the longest
/// collection pause the collector itself measured (ms).
struct CollectorFigures {
  unsigned long long collections = 0;
  double maxPauseMs = 0;
};

inline CollectorFigures collectorFigures() {
  CollectorFigures f;
#if defined(BENCH_OURS)
  gc::statistics s = gc::stats();
  f.collections = s.cycles;
  f.maxPauseMs = s.pause_max_ms;
#elif defined(BENCH_BOEHM)
  f.collections = GC_get_gc_no();
  f.maxPauseMs = boehmMaxPauseNs / 1e6;
#endif
  return f;
}

inline double peakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

/// Largest wall-clock gap between consecutive ticks: sees any pause.
class GapProbe {
public:
  void tick() {
    auto now = std::chrono::steady_clock::now();
    double gap = std::chrono::duration<double, std::milli>(now - last).count();
    if (gap > maxGapMs)
      maxGapMs = gap;
    last = now;
  }
  void restart() { last = std::chrono::steady_clock::now(); }
  double maxGapMs = 0;

private:
  std::chrono::steady_clock::time_point last = std::chrono::steady_clock::now();
};

} // namespace bench

#endif // GC_BENCH_BACKEND_H
