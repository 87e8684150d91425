//===- ThreadRegistry.h - Registered mutator threads ------------*- C++ -*-===//
//
// A record per registered thread: its stack bounds, where it stopped, and
// its allocation cache. The list is protected by the threads lock, which the
// collector holds for a whole cycle, so threads cannot come or go while
// their stacks are being scanned.
//
//===----------------------------------------------------------------------===//

#ifndef GC_RT_THREADREGISTRY_H
#define GC_RT_THREADREGISTRY_H

#include <atomic>
#include <cstdint>
#include <mutex>
#include <pthread.h>
#include <ucontext.h>

namespace gc::rt {

struct ThreadCache;

enum ThreadState : int { Running = 0, Blocking = 1 };

struct ThreadRecord {
  pthread_t thread{};
  std::uintptr_t stackLow = 0;
  std::uintptr_t stackHigh = 0;
  /// Running or Blocking; read by the collector, written by the thread.
  std::atomic<int> state{Running};
  /// Set by the stop-signal handler: scanning starts here.
  std::atomic<std::uintptr_t> stoppedSp{0};
  /// Set on entry to a blocking_scope.
  std::uintptr_t blockingSp = 0;
  ucontext_t blockingContext;
  int blockingDepth = 0;
  ThreadCache *cache = nullptr;
  int scopeDepth = 0;    ///< nesting of gc::thread_scope
  bool implicit = false; ///< attached by an allocation; detached at exit
  ThreadRecord *next = nullptr;
  ThreadRecord *previous = nullptr;
};

extern constinit thread_local ThreadRecord *tlsRecord;
extern constinit thread_local ThreadCache *tlsCache;

/// The calling thread's record, or null.
inline ThreadRecord *currentThread() { return tlsRecord; }
inline ThreadCache *currentCache() { return tlsCache; }

class ThreadRegistry {
public:
  /// Registers the calling thread (idempotent); returns its record.
  ThreadRecord *attach(bool implicit);
  /// Unregisters the calling thread, returning its spans to the heap.
  void detach();
  /// After fork(), in the child: forget every thread but the caller.
  void forgetOtherThreads();

  template <class Visitor> void forEach(Visitor &&visit) {
    for (ThreadRecord *r = head; r; r = r->next)
      visit(r);
  }

  std::mutex lock;

private:
  ThreadRecord *head = nullptr;
};

} // namespace gc::rt

#endif // GC_RT_THREADREGISTRY_H
