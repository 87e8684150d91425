//===- Collector.h - One stop-the-world collection cycle --------*- C++ -*-===//

#ifndef GC_RT_COLLECTOR_H
#define GC_RT_COLLECTOR_H

namespace gc::rt {

enum class CollectReason { Explicit, Pacer, Stress, Exhausted };

/// Runs a full cycle on the calling thread (registering it if needed).
/// A pacer-triggered request is dropped if another thread completed a
/// cycle while this one waited for the collect lock.
void collect(CollectReason reason);

} // namespace gc::rt

#endif // GC_RT_COLLECTOR_H
