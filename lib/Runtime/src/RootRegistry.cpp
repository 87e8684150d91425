//===- RootRegistry.cpp - gc::root<T> nodes, linked in one list -----------===//

#include "RootRegistry.h"
#include "Runtime.h"

namespace gc::rt {

void RootRegistry::link(detail::root_node &node) {
  std::lock_guard<std::mutex> guard(lock);
  node.previous = &sentinel;
  node.next = sentinel.next;
  sentinel.next->previous = &node;
  sentinel.next = &node;
}

void RootRegistry::unlink(detail::root_node &node) {
  std::lock_guard<std::mutex> guard(lock);
  node.previous->next = node.next;
  node.next->previous = node.previous;
  node.next = node.previous = nullptr;
}

} // namespace gc::rt

namespace gc::detail {

void link_root(root_node &node) noexcept { rt::runtime().roots.link(node); }
void unlink_root(root_node &node) noexcept { rt::runtime().roots.unlink(node); }

} // namespace gc::detail
