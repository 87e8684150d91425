//===- Runtime.cpp - Start-up, fork handling, the report at exit ----------===//

#include "Runtime.h"
#include "SiteReport.h"
#include "StopTheWorld.h"

#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <pthread.h>

namespace gc::rt {

Runtime *gRuntime = nullptr;

namespace {

void reportAtExit() {
  Runtime &rt = *gRuntime;
  std::FILE *out = stderr;
  if (rt.options.reportFile && *rt.options.reportFile)
    if (std::FILE *file = std::fopen(rt.options.reportFile, "w"))
      out = file;
  writeSiteReport(rt, out,
                  rt.options.report == ReportAtExit::Json
                      ? report_format::json
                      : report_format::text);
  if (out != stderr)
    std::fclose(out);
}

// fork(): the child must not inherit a lock held by a thread that does not
// exist there, nor a half-done cycle. Take every lock (in order) around the
// fork; in the child, forget the other threads.
void beforeFork() {
  Runtime &rt = *gRuntime;
  rt.collectLock.lock();
  rt.threads.lock.lock();
  rt.heap.lock.lock();
  rt.roots.lock.lock();
  rt.sites.lock.lock();
  rt.finalizers.lock.lock();
}

void unlockAfterFork() {
  Runtime &rt = *gRuntime;
  rt.finalizers.lock.unlock();
  rt.sites.lock.unlock();
  rt.roots.lock.unlock();
  rt.heap.lock.unlock();
  rt.threads.lock.unlock();
  rt.collectLock.unlock();
}

void inChildAfterFork() {
  unlockAfterFork();
  Runtime &rt = *gRuntime;
  rt.finalizers.forgetThread();
  std::scoped_lock locks(rt.threads.lock, rt.heap.lock);
  rt.threads.forgetOtherThreads();
}

Runtime *create() {
  auto *rt = new Runtime();
  rt->options.readEnvironment();
  rt->types.init();
  rt->sites.init();
  rt->heap.init(rt->options.reserve, rt->options.maxHeap,
                rt->options.hugePages);
  rt->heap.sites = &rt->sites;
  rt->pacer.configure(rt->options.gogc, rt->options.minHeap,
                      rt->options.minRunway);
  rt->collectEvery.store(rt->options.collectEvery);
  rt->poison.store(rt->options.poison);
  gRuntime = rt;
  installStopSignalHandler(rt->options.stopSignal);
  pthread_atfork(beforeFork, unlockAfterFork, inChildAfterFork);
  if (rt->options.report != ReportAtExit::None)
    std::atexit(reportAtExit);
  return rt;
}

} // namespace

Runtime &runtime() {
  static Runtime *instance = create();
  return *instance;
}

} // namespace gc::rt
