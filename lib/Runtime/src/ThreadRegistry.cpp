//===- ThreadRegistry.cpp - Registered mutator threads --------------------===//

#include "ThreadRegistry.h"
#include "Runtime.h"
#include "ThreadCache.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>

namespace gc::rt {

constinit thread_local ThreadRecord *tlsRecord = nullptr;
constinit thread_local ThreadCache *tlsCache = nullptr;

namespace {

/// Detaches an implicitly attached thread when it exits.
struct ExitHook {
  bool armed = false;
  ~ExitHook() {
    if (armed && tlsRecord)
      gRuntime->threads.detach();
  }
};
thread_local ExitHook exitHook;

void findStack(ThreadRecord &record) {
  pthread_attr_t attributes;
  void *low = nullptr;
  std::size_t size = 0;
  if (pthread_getattr_np(pthread_self(), &attributes) == 0) {
    pthread_attr_getstack(&attributes, &low, &size);
    pthread_attr_destroy(&attributes);
  }
  if (!low) {
    std::fprintf(stderr, "gc: cannot find the stack of a thread\n");
    std::abort();
  }
  record.stackLow = reinterpret_cast<std::uintptr_t>(low);
  record.stackHigh = record.stackLow + size;
}

/// Merges a leaving thread's per-site counters into the global sites.
void mergeSiteCounters(Runtime &rt, ThreadCache &cache) {
  std::lock_guard<std::mutex> guard(rt.sites.lock);
  std::uint64_t objects = 0, bytes = 0;
  for (std::uint32_t id = 0, n = rt.sites.size(); id < n; ++id) {
    SiteCounter &mine = cache.siteCounters[id];
    std::uint64_t o = mine.objects.load(std::memory_order_relaxed);
    if (!o)
      continue;
    std::uint64_t b = mine.bytes.load(std::memory_order_relaxed);
    rt.sites[id].exited.objects.fetch_add(o, std::memory_order_relaxed);
    rt.sites[id].exited.bytes.fetch_add(b, std::memory_order_relaxed);
    objects += o;
    bytes += b;
  }
  rt.statistics.exitedObjects.fetch_add(objects, std::memory_order_relaxed);
  rt.statistics.exitedBytes.fetch_add(bytes, std::memory_order_relaxed);
}

} // namespace

ThreadRecord *ThreadRegistry::attach(bool implicit) {
  if (tlsRecord)
    return tlsRecord;
  auto *record = new ThreadRecord();
  record->thread = pthread_self();
  record->implicit = implicit;
  findStack(*record);
  record->cache = new ThreadCache();
  record->cache->record = record;
  record->cache->stressCountdown =
      gRuntime->collectEvery.load(std::memory_order_relaxed);
  // Published before the thread is listed: the stop signal handler needs it.
  tlsRecord = record;
  tlsCache = record->cache;
  std::atomic_signal_fence(std::memory_order_seq_cst);
  {
    std::lock_guard<std::mutex> guard(lock);
    record->next = head;
    if (head)
      head->previous = record;
    head = record;
  }
  exitHook.armed = true;
  return record;
}

void ThreadRegistry::detach() {
  ThreadRecord *record = tlsRecord;
  if (!record)
    return;
  Runtime &rt = *gRuntime;
  {
    std::lock_guard<std::mutex> threadsGuard(lock);
    {
      std::lock_guard<std::mutex> heapGuard(rt.heap.lock);
      for (AllocCursor &cursor : record->cache->cursors)
        if (cursor.span) {
          rt.heap.releaseOwned(cursor.span);
          cursor.reset(nullptr);
        }
    }
    if (record->previous)
      record->previous->next = record->next;
    else
      head = record->next;
    if (record->next)
      record->next->previous = record->previous;
  }
  mergeSiteCounters(rt, *record->cache);
  tlsRecord = nullptr;
  tlsCache = nullptr;
  delete record->cache;
  delete record;
}

void ThreadRegistry::forgetOtherThreads() {
  Runtime &rt = *gRuntime;
  ThreadRecord *self = tlsRecord;
  ThreadRecord *record = head;
  head = nullptr;
  while (record) {
    ThreadRecord *next = record->next;
    if (record == self) {
      record->next = record->previous = nullptr;
      head = record;
    } else {
      // That thread does not exist in this process; whatever it was
      // allocating when fork() happened was never committed.
      for (AllocCursor &cursor : record->cache->cursors)
        if (cursor.span)
          rt.heap.releaseOwned(cursor.span);
      mergeSiteCounters(rt, *record->cache);
      delete record->cache;
      delete record;
    }
    record = next;
  }
}

} // namespace gc::rt
