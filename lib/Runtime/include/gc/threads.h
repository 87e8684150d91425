//===- gc/threads.h - Mutator threads ---------------------------*- C++ -*-===//
//
// The collector stops every registered thread (a signal handshake), scans
// its stack and registers conservatively, and resumes it. A thread is
// registered by a gc::thread_scope, or implicitly by its first allocation
// (then until it exits). A thread that holds GC pointers on its stack
// without ever allocating must use a thread_scope, or those pointers are
// not seen.
//
// A thread blocked in a system call is interrupted by the stop signal like
// any other (SA_RESTART restarts most calls), so it never stalls a
// collection. A gc::blocking_scope avoids even that interruption: inside
// it the thread is not signalled and its stack is scanned from the point
// where the scope was entered. Inside a blocking_scope, do not touch GC
// objects or create new references to them.
//
//===----------------------------------------------------------------------===//

#ifndef GC_THREADS_H
#define GC_THREADS_H

namespace gc {

class thread_scope {
public:
  thread_scope();
  ~thread_scope();
  thread_scope(const thread_scope &) = delete;
  thread_scope &operator=(const thread_scope &) = delete;
};

class blocking_scope {
public:
  blocking_scope();
  ~blocking_scope();
  blocking_scope(const blocking_scope &) = delete;
  blocking_scope &operator=(const blocking_scope &) = delete;
};

/// True if the calling thread is registered with the collector.
bool thread_is_registered();

} // namespace gc

#endif // GC_THREADS_H
