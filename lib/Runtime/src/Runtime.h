//===- Runtime.h - The one collector instance and its locks -----*- C++ -*-===//
//
// Created on first use and never destroyed (threads may still allocate
// while static destructors run). It lives in malloc'd memory, which the
// collector does not scan, so its own pointers never retain anything.
//
// Lock order: collect > threads > heap > roots > sites > finalizers.
// The collector takes all of them before it stops the world, so no stopped
// thread can hold one it needs; nothing it does with the world stopped
// calls malloc (a stopped thread may hold malloc's lock).
//
//===----------------------------------------------------------------------===//

#ifndef GC_RT_RUNTIME_H
#define GC_RT_RUNTIME_H

#include "Finalizers.h"
#include "Heap.h"
#include "Options.h"
#include "Pacer.h"
#include "RootRegistry.h"
#include "SiteTable.h"
#include "Statistics.h"
#include "ThreadRegistry.h"
#include "TypeTable.h"
#include "VerifyBitmap.h"

#include <atomic>
#include <mutex>

namespace gc::rt {

struct Runtime {
  Options options;
  std::mutex collectLock;
  ThreadRegistry threads;
  Heap heap;
  RootRegistry roots;
  SiteTable sites;
  Finalizers finalizers;
  TypeTable types;
  Pacer pacer;
  Statistics statistics;
  VerifyBitmap verifyBitmap;
  /// Mirrors options.collectEvery for the allocation path.
  std::atomic<unsigned> collectEvery{0};
  std::atomic<bool> poison{false};
};

/// The runtime, initialized on first call.
Runtime &runtime();

/// Already initialized (fast; for the allocation path).
extern Runtime *gRuntime;

} // namespace gc::rt

#endif // GC_RT_RUNTIME_H
