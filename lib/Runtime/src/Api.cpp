//===- Api.cpp - The public functions of gc/control.h and gc/threads.h ----===//

#include "Collector.h"
#include "Runtime.h"
#include "SiteReport.h"
#include "StopTheWorld.h"
#include "ThreadCache.h"

#include "gc/gc.h"

namespace gc {

using rt::runtime;

void collect() { rt::collect(rt::CollectReason::Explicit); }

int set_gogc(int percent) {
  rt::Runtime &r = runtime();
  std::lock_guard<std::mutex> guard(r.collectLock);
  int previous = r.pacer.percent();
  r.options.gogc = percent;
  r.pacer.configure(percent, r.options.minHeap, r.options.minRunway);
  return previous;
}

int gogc() { return runtime().pacer.percent(); }

void set_max_heap(std::size_t bytes) {
  rt::Runtime &r = runtime();
  std::lock_guard<std::mutex> guard(r.heap.lock);
  r.heap.arena.setLimit(bytes && bytes < r.options.reserve ? bytes
                                                           : r.options.reserve);
}

void wait_for_finalizers() { runtime().finalizers.waitIdle(); }

debug_options get_debug_options() {
  rt::Runtime &r = runtime();
  std::lock_guard<std::mutex> guard(r.collectLock);
  debug_options o;
  o.collect_every = r.options.collectEvery;
  o.verify = r.options.verify;
  o.poison = r.options.poison;
  o.trace = r.options.trace;
  o.mark_stack_limit = r.options.markStackLimit;
  return o;
}

void set_debug_options(const debug_options &o) {
  rt::Runtime &r = runtime();
  std::lock_guard<std::mutex> guard(r.collectLock);
  r.options.collectEvery = o.collect_every;
  r.options.verify = o.verify;
  r.options.poison = o.poison;
  r.options.trace = o.trace;
  r.options.markStackLimit =
      o.mark_stack_limit ? o.mark_stack_limit : rt::Options().markStackLimit;
  r.collectEvery.store(o.collect_every);
  r.poison.store(o.poison);
}

statistics stats() {
  rt::Runtime &r = runtime();
  statistics s;
  std::scoped_lock locks(r.collectLock, r.threads.lock);
  const rt::Statistics &st = r.statistics;
  s.cycles = st.cycles.load();
  s.pause_max_ms = st.pauseMaxNs / 1e6;
  s.pause_total_ms = st.pauseTotalNs / 1e6;
  s.pause_p50_ms = st.percentileMs(50);
  s.pause_p90_ms = st.percentileMs(90);
  s.pause_p99_ms = st.percentileMs(99);
  s.live_bytes = st.liveBytes;
  s.goal_bytes = r.pacer.goal();
  s.finalized_objects = st.finalizedObjects.load();
  s.mark_stack_overflows = st.markStackOverflows;
  s.allocated_objects = st.exitedObjects.load();
  s.allocated_bytes = st.exitedBytes.load();
  std::uint32_t sites = r.sites.size();
  r.threads.forEach([&](rt::ThreadRecord *thread) {
    for (std::uint32_t id = 0; id < sites; ++id) {
      s.allocated_objects += thread->cache->siteCounters[id].objects.load(
          std::memory_order_relaxed);
      s.allocated_bytes +=
          thread->cache->siteCounters[id].bytes.load(std::memory_order_relaxed);
    }
  });
  std::lock_guard<std::mutex> heapGuard(r.heap.lock);
  s.heap_bytes = r.heap.arena.bytesInSpans();
  s.in_use_bytes = r.heap.inUse;
  return s;
}

void report_sites(std::FILE *out, report_format format) {
  rt::writeSiteReport(runtime(), out, format);
}

thread_scope::thread_scope() {
  rt::ThreadRecord *record = runtime().threads.attach(false);
  ++record->scopeDepth;
}

thread_scope::~thread_scope() {
  rt::ThreadRecord *record = rt::currentThread();
  if (record && --record->scopeDepth == 0 && !record->implicit)
    runtime().threads.detach();
}

blocking_scope::blocking_scope() {
  rt::ThreadRecord *record = runtime().threads.attach(true);
  rt::enterBlocking(record);
}

blocking_scope::~blocking_scope() { rt::leaveBlocking(rt::currentThread()); }

bool thread_is_registered() { return rt::currentThread() != nullptr; }

namespace detail {

std::uint32_t register_type(const type_descriptor &descriptor) {
  return runtime().types.add(descriptor);
}

} // namespace detail

} // namespace gc
