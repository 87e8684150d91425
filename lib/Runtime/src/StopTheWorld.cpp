//===- StopTheWorld.cpp - Signal handshake with mutator threads -----------===//

#include "StopTheWorld.h"
#include "ThreadRegistry.h"

#include <atomic>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace gc::rt {

namespace {

std::atomic<std::uint32_t> acknowledged{0};
std::atomic<std::uint32_t> resumeEpoch{0};
/// 1 while the world is stopped (or being stopped).
std::atomic<std::uint32_t> stopping{0};
int stopSignal = SIGPWR;

void futexWait(std::atomic<std::uint32_t> &word, std::uint32_t expected,
               const timespec *timeout = nullptr) {
  syscall(SYS_futex, reinterpret_cast<std::uint32_t *>(&word),
          FUTEX_WAIT_PRIVATE, expected, timeout, nullptr, 0);
}

void futexWakeAll(std::atomic<std::uint32_t> &word) {
  syscall(SYS_futex, reinterpret_cast<std::uint32_t *>(&word),
          FUTEX_WAKE_PRIVATE, INT_MAX, nullptr, nullptr, 0);
}

void onStopSignal(int, siginfo_t *, void *) {
  int savedErrno = errno;
  ThreadRecord *self = currentThread();
  if (self) {
    // Everything above this local (this frame, the kernel's signal frame
    // with all registers, the interrupted frames) gets scanned.
    volatile std::uintptr_t here = 0;
    self->stoppedSp.store(reinterpret_cast<std::uintptr_t>(&here),
                          std::memory_order_relaxed);
    std::uint32_t epoch = resumeEpoch.load(std::memory_order_acquire);
    acknowledged.fetch_add(1, std::memory_order_acq_rel);
    futexWakeAll(acknowledged);
    while (resumeEpoch.load(std::memory_order_acquire) == epoch)
      futexWait(resumeEpoch, epoch);
  }
  errno = savedErrno;
}

} // namespace

void installStopSignalHandler(int signal) {
  if (signal > 0)
    stopSignal = signal;
  struct sigaction action = {};
  action.sa_sigaction = onStopSignal;
  action.sa_flags = SA_SIGINFO | SA_RESTART;
  sigemptyset(&action.sa_mask);
  sigaction(stopSignal, &action, nullptr);
}

void stopTheWorld(ThreadRegistry &threads, ThreadRecord *self) {
  stopping.store(1, std::memory_order_seq_cst);
  acknowledged.store(0, std::memory_order_relaxed);
  std::uint32_t expected = 0;
  threads.forEach([&](ThreadRecord *record) {
    if (record == self ||
        record->state.load(std::memory_order_seq_cst) == Blocking)
      return;
    if (pthread_kill(record->thread, stopSignal) == 0)
      ++expected;
  });
  timespec timeout = {1, 0};
  unsigned waitedSeconds = 0;
  for (;;) {
    std::uint32_t seen = acknowledged.load(std::memory_order_acquire);
    if (seen >= expected)
      break;
    timespec before, after;
    clock_gettime(CLOCK_MONOTONIC, &before);
    futexWait(acknowledged, seen, &timeout);
    clock_gettime(CLOCK_MONOTONIC, &after);
    if (after.tv_sec - before.tv_sec >= 1 && ++waitedSeconds % 5 == 0)
      std::fprintf(stderr,
                   "gc: still waiting for %u of %u threads to stop "
                   "(signals blocked?)\n",
                   expected - seen, expected);
  }
}

void resumeTheWorld() {
  stopping.store(0, std::memory_order_seq_cst);
  resumeEpoch.fetch_add(1, std::memory_order_acq_rel);
  futexWakeAll(resumeEpoch);
  futexWakeAll(stopping);
}

void enterBlocking(ThreadRecord *self) {
  if (self->blockingDepth++ > 0)
    return;
  volatile std::uintptr_t here = 0;
  self->blockingSp = reinterpret_cast<std::uintptr_t>(&here);
  getcontext(&self->blockingContext);
  self->state.store(Blocking, std::memory_order_seq_cst);
}

void leaveBlocking(ThreadRecord *self) {
  if (--self->blockingDepth > 0)
    return;
  for (;;) {
    self->state.store(Running, std::memory_order_seq_cst);
    if (stopping.load(std::memory_order_seq_cst) == 0)
      return;
    // A collection that did not signal us is in progress: wait it out.
    self->state.store(Blocking, std::memory_order_seq_cst);
    while (stopping.load(std::memory_order_acquire) != 0)
      futexWait(stopping, 1);
  }
}

} // namespace gc::rt
