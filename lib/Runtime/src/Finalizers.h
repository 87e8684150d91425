//===- Finalizers.h - Running destructors of unreachable objects -*- C++ -*-=//
//
// At the end of each mark, every unreachable object whose destructor has
// not run is queued here and marked again, together with everything it
// references, so its memory (and that of its fields) stays valid until the
// destructor has run. A dedicated, registered thread runs the destructors
// in no particular order, then sets the object's no-destroy flag: the next
// cycle frees it like any other garbage, and it can never be queued twice.
// Destructors thus never run inside an allocation, and they may allocate.
//
// Queued objects are roots: they survive cycles until their turn comes.
//
//===----------------------------------------------------------------------===//

#ifndef GC_RT_FINALIZERS_H
#define GC_RT_FINALIZERS_H

#include "MappedVector.h"

#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace gc::rt {

class Finalizers {
public:
  /// World stopped, lock held.
  void enqueue(std::uintptr_t cell) { queue.push(cell); }

  /// Visits queued and running objects; lock held.
  template <class Visitor> void forEachPending(Visitor &&visit) const {
    for (std::size_t i = 0; i < queue.size(); ++i)
      visit(queue[i]);
    if (running)
      visit(running);
  }

  /// After a cycle, world running, no lock held: wakes (or starts) the
  /// finalizer thread if there is work.
  void notify();
  /// Blocks until the queue is empty and no destructor is running.
  void waitIdle();
  /// After fork(), in the child: the thread is gone.
  void forgetThread() { threadStarted = false; }

  std::mutex lock;

private:
  void threadMain();
  void destroy(std::uintptr_t cell);

  MappedVector queue;
  std::uintptr_t running = 0;
  bool threadStarted = false;
  std::condition_variable workAvailable;
  std::condition_variable idle;
};

} // namespace gc::rt

#endif // GC_RT_FINALIZERS_H
