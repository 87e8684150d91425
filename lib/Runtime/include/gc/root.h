//===- gc/root.h - Strong references from memory the GC does not scan -*- C++
//-*-=//
//
// The collector scans registered threads' stacks and registers, the
// program's data and bss segments, and GC objects. It does not scan the
// malloc heap, thread_local storage or memory from mmap. A pointer kept only
// there must be wrapped:
//
//   std::vector<gc::root<Node>> cache;   // fine, even while it reallocates
//   cache.emplace_back(gc::make<Node>());
//
// A root registers its own address in a global list (O(1) link/unlink under
// a mutex), so it can be copied and moved freely; its value is a relaxed
// atomic so that any thread may read or write it at any time.
//
//===----------------------------------------------------------------------===//

#ifndef GC_ROOT_H
#define GC_ROOT_H

#include <atomic>
#include <cstddef>

namespace gc {
namespace detail {

struct root_node {
  root_node *previous = nullptr;
  root_node *next = nullptr;
  std::atomic<const void *> target{nullptr};
};

void link_root(root_node &node) noexcept;
void unlink_root(root_node &node) noexcept;

} // namespace detail

template <class T> class root {
public:
  root() noexcept { detail::link_root(node); }
  root(std::nullptr_t) noexcept : root() {}
  root(T *pointer) noexcept : root() { set(pointer); }
  root(const root &other) noexcept : root(other.get()) {}
  root(root &&other) noexcept : root(other.get()) { other.set(nullptr); }
  ~root() { detail::unlink_root(node); }

  root &operator=(T *pointer) noexcept {
    set(pointer);
    return *this;
  }
  root &operator=(const root &other) noexcept {
    set(other.get());
    return *this;
  }
  root &operator=(root &&other) noexcept {
    T *pointer = other.get();
    other.set(nullptr);
    set(pointer);
    return *this;
  }

  T *get() const noexcept {
    return static_cast<T *>(
        const_cast<void *>(node.target.load(std::memory_order_relaxed)));
  }
  T *operator->() const noexcept { return get(); }
  T &operator*() const noexcept { return *get(); }
  operator T *() const noexcept { return get(); }
  explicit operator bool() const noexcept { return get() != nullptr; }

private:
  void set(T *pointer) noexcept {
    node.target.store(pointer, std::memory_order_relaxed);
  }
  detail::root_node node;
};

} // namespace gc

#endif // GC_ROOT_H
