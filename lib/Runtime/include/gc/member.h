//===- gc/member.h - Pointer fields inside GC objects -----------*- C++ -*-===//
//
// `gc::member<T>` is a pointer field of a GC object. Today it is a plain
// pointer: the v1 collector stops the world, so no store can race with the
// marker. Every store already goes through `detail::write_barrier`, which is
// where the Dijkstra insertion barrier of the concurrent marker (v2) goes;
// code written against member<T> will not need to change. Raw `T *` fields
// also work (they are traced by `trace` or by the conservative scan) but
// will need converting when concurrent marking arrives.
//
//===----------------------------------------------------------------------===//

#ifndef GC_MEMBER_H
#define GC_MEMBER_H

#include <cstddef>

namespace gc {
namespace detail {

/// Called before every store of a heap pointer into a GC object. Empty while
/// marking only happens with the world stopped.
inline void write_barrier(const void * /*new_value*/) noexcept {}

} // namespace detail

template <class T> class member {
public:
  member() noexcept = default;
  member(std::nullptr_t) noexcept {}
  member(T *pointer) noexcept : pointer(pointer) {
    detail::write_barrier(pointer);
  }
  member(const member &other) noexcept : member(other.pointer) {}

  member &operator=(T *value) noexcept {
    detail::write_barrier(value);
    pointer = value;
    return *this;
  }
  member &operator=(const member &other) noexcept {
    return *this = other.pointer;
  }

  T *get() const noexcept { return pointer; }
  T *operator->() const noexcept { return pointer; }
  T &operator*() const noexcept { return *pointer; }
  operator T *() const noexcept { return pointer; }
  explicit operator bool() const noexcept { return pointer != nullptr; }

private:
  T *pointer = nullptr;
};

} // namespace gc

#endif // GC_MEMBER_H
