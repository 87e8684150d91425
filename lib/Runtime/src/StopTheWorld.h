//===- StopTheWorld.h - Signal handshake with mutator threads ---*- C++ -*-===//
//
// The collector sends each running registered thread a signal (SIGPWR by
// default, as Boehm does). The handler records its stack pointer (the
// kernel has just saved every register in the signal frame above it, so
// scanning from there covers registers too), acknowledges, and sleeps on a
// futex until the collector resumes the world. Because signals interrupt
// blocking system calls, a thread blocked in read() or a lock never stalls
// a collection. Threads inside a blocking_scope are not signalled at all;
// a Dekker-style handshake on `stopping` keeps them out while the world is
// stopped.
//
//===----------------------------------------------------------------------===//

#ifndef GC_RT_STOPTHEWORLD_H
#define GC_RT_STOPTHEWORLD_H

namespace gc::rt {

class ThreadRegistry;
struct ThreadRecord;

/// Installs the stop-signal handler (once).
void installStopSignalHandler(int signal);

/// Stops every registered thread except `self`; threads lock held.
void stopTheWorld(ThreadRegistry &threads, ThreadRecord *self);
void resumeTheWorld();

/// blocking_scope support, called by the thread itself.
void enterBlocking(ThreadRecord *self);
void leaveBlocking(ThreadRecord *self);

} // namespace gc::rt

#endif // GC_RT_STOPTHEWORLD_H
