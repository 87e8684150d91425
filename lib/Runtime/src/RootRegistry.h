//===- RootRegistry.h - gc::root<T> nodes, linked in one list ---*- C++ -*-===//

#ifndef GC_RT_ROOTREGISTRY_H
#define GC_RT_ROOTREGISTRY_H

#include "gc/root.h"

#include <mutex>

namespace gc::rt {

class RootRegistry {
public:
  void link(detail::root_node &node);
  void unlink(detail::root_node &node);

  /// Calls visit(const void *target) for every root; caller holds `lock`.
  template <class Visitor> void forEach(Visitor &&visit) const {
    for (const detail::root_node *n = sentinel.next; n != &sentinel;
         n = n->next)
      visit(n->target.load(std::memory_order_relaxed));
  }

  RootRegistry() { sentinel.next = sentinel.previous = &sentinel; }
  std::mutex lock;

private:
  detail::root_node sentinel;
};

} // namespace gc::rt

#endif // GC_RT_ROOTREGISTRY_H
