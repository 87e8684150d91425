//===- Collector.cpp - One stop-the-world collection cycle ----------------===//
//
// A cycle, in order:
//   1. take every runtime lock (see Runtime.h), finish sweeping;
//   2. stop the world;
//   3. mark from the roots: data segments, each thread's stack and
//      registers, gc::root nodes, objects waiting for their destructor;
//   4. (GCRT_VERIFY) mark again into a second bitmap and compare;
//   5. queue unreachable destructible objects and mark from them, so their
//      memory outlives their destructor;
//   6. set up lazy sweeping, update the pacer's goal;
//   7. resume the world, release the locks, wake the finalizer thread.
//
//===----------------------------------------------------------------------===//

#include "Collector.h"
#include "DataSegments.h"
#include "Marker.h"
#include "Runtime.h"
#include "Sanitizers.h"
#include "StopTheWorld.h"
#include "ThreadCache.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace gc::rt {

namespace {

std::uint64_t nowNs() {
  return static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(
          std::chrono::steady_clock::now().time_since_epoch())
          .count());
}

struct CycleInput {
  Runtime &rt;
  ThreadRecord *self;
  const std::vector<AddressRange> &segments;
};

/// Roots shared by the primary and the verifying mark.
GC_RT_NO_SANITIZE void markRoots(Marker &marker, CycleInput &in,
                                 std::uintptr_t ownSp) {
  for (const AddressRange &segment : in.segments)
    marker.scanConservatively(segment.begin, segment.end);
  in.rt.threads.forEach([&](ThreadRecord *thread) {
    std::uintptr_t sp;
    if (thread == in.self) {
      sp = ownSp;
    } else if (thread->state.load(std::memory_order_acquire) == Blocking) {
      sp = thread->blockingSp;
      auto context = reinterpret_cast<std::uintptr_t>(&thread->blockingContext);
      marker.scanConservatively(context, context + sizeof(ucontext_t));
    } else {
      sp = thread->stoppedSp.load(std::memory_order_relaxed);
    }
    if (sp < thread->stackLow || sp > thread->stackHigh)
      sp = thread->stackLow; // not on its own stack: scan all of it
    marker.scanConservatively(sp, thread->stackHigh);
  });
  in.rt.roots.forEach([&](const void *target) {
    marker.shade(reinterpret_cast<std::uintptr_t>(target));
  });
  in.rt.finalizers.forEachPending(
      [&](std::uintptr_t cell) { marker.shade(cell); });
}

/// Every object the primary mark missed but the verifying mark found is a
/// marker bug that would have become a use-after-free.
void compareWithVerifyMark(Runtime &rt, Marker &verifier) {
  std::size_t missed = 0;
  rt.heap.arena.forEachSpan([&](Span *span) {
    for (std::uint32_t i = 0; i < span->cells; ++i)
      if (span->isAllocated(i) && verifier.isMarked(span, i) &&
          !span->isMarked(i)) {
        if (missed++ < 10)
          std::fprintf(stderr,
                       "gc: verify: reachable object %p (span class %u) was "
                       "not marked\n",
                       reinterpret_cast<void *>(span->cellAddress(i)),
                       span->sizeClass);
      }
  });
  if (missed) {
    std::fprintf(stderr, "gc: verify: %zu reachable objects not marked\n",
                 missed);
    std::abort();
  }
}

/// Queues unreachable objects whose destructor has not run, then marks
/// from them (two passes, so that every dead object is queued even when
/// another dead one points to it).
void queueDestructors(Runtime &rt, Marker &marker) {
  MappedVector found;
  rt.heap.arena.forEachSpan([&](Span *span) {
    if (!span->hasDestructors())
      return;
    for (std::uint32_t i = 0; i < span->cells; ++i) {
      if (!span->isAllocated(i) || span->isMarked(i))
        continue;
      std::uintptr_t cell = span->cellAddress(i);
      auto *header = reinterpret_cast<detail::object_header *>(cell);
      if (header->type_bits & detail::header_no_destroy_flag)
        continue;
      found.push(cell);
    }
  });
  for (std::size_t i = 0; i < found.size(); ++i) {
    rt.finalizers.enqueue(found[i]);
    marker.shade(found[i]);
  }
  marker.finish();
}

/// Runs with every callee-saved register spilled into this frame, which is
/// part of the scanned stack range.
__attribute__((noinline)) void markWithWorldStopped(CycleInput &in,
                                                    std::size_t &markedBytes,
                                                    std::size_t &overflows) {
  __builtin_unwind_init();
  volatile std::uintptr_t here = 0;
  auto ownSp = reinterpret_cast<std::uintptr_t>(&here);
  Runtime &rt = in.rt;
  MappedVector grey;
  grey.setLimit(rt.options.markStackLimit);

  rt.sites.resetLive();
  Marker marker(rt, grey, Marker::Mode::Primary);
  markRoots(marker, in, ownSp);
  marker.finish();

  if (rt.options.verify) {
    rt.verifyBitmap.ensure(rt.heap.arena.begin(),
                           rt.options.reserve + kBlockSize);
    Marker verifier(rt, grey, Marker::Mode::Verify);
    markRoots(verifier, in, ownSp);
    verifier.finish();
    compareWithVerifyMark(rt, verifier);
    rt.verifyBitmap.clear(rt.heap.arena.end());
  }

  queueDestructors(rt, marker);
  markedBytes = marker.markedBytes;
  overflows = marker.overflowRescans;
}

} // namespace

void collect(CollectReason reason) {
  Runtime &rt = runtime();
  ThreadRecord *self = rt.threads.attach(true);
  std::uint64_t cyclesSeen = rt.statistics.cycles.load();
  std::unique_lock<std::mutex> collectGuard(rt.collectLock);
  if (reason == CollectReason::Pacer &&
      rt.statistics.cycles.load() != cyclesSeen)
    return;

  std::vector<AddressRange> segments = writableDataSegments();
  std::uint64_t started = nowNs();
  std::size_t markedBytes = 0, overflows = 0;
  std::uint64_t pauseNs;
  std::size_t heapBytes, goalBytes;
  {
    std::scoped_lock locks(rt.threads.lock, rt.heap.lock, rt.roots.lock,
                           rt.sites.lock, rt.finalizers.lock);
    rt.heap.finishSweep(rt.options.poison);
    std::uint64_t stopped = nowNs();
    stopTheWorld(rt.threads, self);
    CycleInput input{rt, self, segments};
    markWithWorldStopped(input, markedBytes, overflows);
    rt.heap.prepareSweep(markedBytes);
    rt.pacer.update(markedBytes);
    rt.statistics.liveBytes = markedBytes;
    rt.statistics.markStackOverflows += overflows;
    pauseNs = nowNs() - stopped;
    rt.statistics.recordPause(pauseNs);
    heapBytes = rt.heap.arena.bytesInSpans();
    goalBytes = rt.pacer.goal();
    resumeTheWorld();
  }
  collectGuard.unlock();
  rt.finalizers.notify();
  if (rt.options.trace)
    std::fprintf(stderr,
                 "gc %llu: pause %.3f ms (cycle %.3f ms), live %.1f MiB, heap "
                 "%.1f MiB, goal %.1f MiB, overflow rescans %zu\n",
                 static_cast<unsigned long long>(rt.statistics.cycles.load()),
                 pauseNs / 1e6, (nowNs() - started) / 1e6,
                 markedBytes / 1048576.0, heapBytes / 1048576.0,
                 goalBytes / 1048576.0, overflows);
}

} // namespace gc::rt
