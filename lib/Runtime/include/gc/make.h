//===- gc/make.h - Allocating GC-managed objects ----------------*- C++ -*-===//
//
//   Node *n = gc::make<Node>(1, 2);          // constructed in GC memory
//   double *a = gc::make_array<double>(n);   // n value-initialized elements
//
// Memory is zeroed before construction. Allocation throws std::bad_alloc
// when the heap limit is reached even after a full collection. Each call
// records its call site (file:line:column via std::source_location) for
// gc::report_sites().
//
// A parameter pack cannot be followed by a defaulted source_location, so
// make<T> is a small overload set (up to 8 constructor arguments) whose
// last, defaulted parameter captures the caller's location. make_at<T>
// takes the location explicitly and any number of arguments.
//
//===----------------------------------------------------------------------===//

#ifndef GC_MAKE_H
#define GC_MAKE_H

#include "gc/detail/object_layout.h"
#include "gc/detail/type_descriptor.h"

#include <cstddef>
#include <new>
#include <source_location>
#include <type_traits>
#include <utility>

namespace gc {

/// Where an allocation was written. Implicitly made from a source_location
/// so that it can be a defaulted trailing parameter.
class call_site {
public:
  call_site(std::source_location location) noexcept : location(location) {}
  const std::source_location &where() const noexcept { return location; }

private:
  std::source_location location;
};

namespace detail {

inline constexpr std::size_t not_an_array = ~std::size_t{0};

/// Returns zeroed payload memory with the header written and the
/// no-destroy flag set. Throws std::bad_alloc.
void *allocate(std::uint32_t type, std::size_t count, const call_site &site);

/// Construction finished: the destructor may now run when unreachable.
inline void arm_destructor(void *payload, std::size_t payload_offset) {
  header_of(payload, payload_offset)->type_bits &= ~header_no_destroy_flag;
}

template <class T, class... Args>
T *construct(const call_site &site, Args &&...args) {
  static_assert(!std::is_array_v<T>, "use gc::make_array<T>(n)");
  void *memory = allocate(type_id<T>(), not_an_array, site);
  T *object = ::new (memory) T(std::forward<Args>(args)...);
  if constexpr (!std::is_trivially_destructible_v<T>)
    arm_destructor(object, payload_offset_of<T>());
  return object;
}

} // namespace detail

template <class T, class... Args>
T *make_at(const call_site &site, Args &&...args) {
  return detail::construct<T>(site, std::forward<Args>(args)...);
}

template <class T> T *make(call_site site = std::source_location::current()) {
  return detail::construct<T>(site);
}
template <class T, class A1>
T *make(A1 &&a1, call_site site = std::source_location::current()) {
  return detail::construct<T>(site, std::forward<A1>(a1));
}
template <class T, class A1, class A2>
T *make(A1 &&a1, A2 &&a2, call_site site = std::source_location::current()) {
  return detail::construct<T>(site, std::forward<A1>(a1), std::forward<A2>(a2));
}
template <class T, class A1, class A2, class A3>
T *make(A1 &&a1, A2 &&a2, A3 &&a3,
        call_site site = std::source_location::current()) {
  return detail::construct<T>(site, std::forward<A1>(a1), std::forward<A2>(a2),
                              std::forward<A3>(a3));
}
template <class T, class A1, class A2, class A3, class A4>
T *make(A1 &&a1, A2 &&a2, A3 &&a3, A4 &&a4,
        call_site site = std::source_location::current()) {
  return detail::construct<T>(site, std::forward<A1>(a1), std::forward<A2>(a2),
                              std::forward<A3>(a3), std::forward<A4>(a4));
}
template <class T, class A1, class A2, class A3, class A4, class A5>
T *make(A1 &&a1, A2 &&a2, A3 &&a3, A4 &&a4, A5 &&a5,
        call_site site = std::source_location::current()) {
  return detail::construct<T>(site, std::forward<A1>(a1), std::forward<A2>(a2),
                              std::forward<A3>(a3), std::forward<A4>(a4),
                              std::forward<A5>(a5));
}
template <class T, class A1, class A2, class A3, class A4, class A5, class A6>
T *make(A1 &&a1, A2 &&a2, A3 &&a3, A4 &&a4, A5 &&a5, A6 &&a6,
        call_site site = std::source_location::current()) {
  return detail::construct<T>(site, std::forward<A1>(a1), std::forward<A2>(a2),
                              std::forward<A3>(a3), std::forward<A4>(a4),
                              std::forward<A5>(a5), std::forward<A6>(a6));
}
template <class T, class A1, class A2, class A3, class A4, class A5, class A6,
          class A7>
T *make(A1 &&a1, A2 &&a2, A3 &&a3, A4 &&a4, A5 &&a5, A6 &&a6, A7 &&a7,
        call_site site = std::source_location::current()) {
  return detail::construct<T>(site, std::forward<A1>(a1), std::forward<A2>(a2),
                              std::forward<A3>(a3), std::forward<A4>(a4),
                              std::forward<A5>(a5), std::forward<A6>(a6),
                              std::forward<A7>(a7));
}
template <class T, class A1, class A2, class A3, class A4, class A5, class A6,
          class A7, class A8>
T *make(A1 &&a1, A2 &&a2, A3 &&a3, A4 &&a4, A5 &&a5, A6 &&a6, A7 &&a7, A8 &&a8,
        call_site site = std::source_location::current()) {
  return detail::construct<T>(site, std::forward<A1>(a1), std::forward<A2>(a2),
                              std::forward<A3>(a3), std::forward<A4>(a4),
                              std::forward<A5>(a5), std::forward<A6>(a6),
                              std::forward<A7>(a7), std::forward<A8>(a8));
}

/// An array of `count` value-initialized elements. If an element's
/// constructor throws, the elements built so far are destroyed and the
/// exception propagates; the memory is reclaimed by the next cycle.
template <class T>
T *make_array(std::size_t count,
              call_site site = std::source_location::current()) {
  static_assert(alignof(T) <= detail::max_alignment);
  void *memory = detail::allocate(detail::type_id<T>(), count, site);
  T *elements = static_cast<T *>(memory);
  if constexpr (!std::is_trivially_default_constructible_v<T> ||
                !std::is_trivially_destructible_v<T>) {
    std::size_t built = 0;
    try {
      for (; built < count; ++built)
        ::new (static_cast<void *>(elements + built)) T();
    } catch (...) {
      for (std::size_t i = 0; i < built; ++i)
        elements[i].~T();
      throw;
    }
  }
  if constexpr (!std::is_trivially_destructible_v<T>)
    detail::arm_destructor(elements, detail::array_payload_offset);
  return elements;
}

/// Element count of an array returned by make_array.
template <class T> std::size_t array_size(const T *elements) {
  return *reinterpret_cast<const std::size_t *>(
      reinterpret_cast<const char *>(elements) -
      (detail::array_payload_offset - sizeof(detail::object_header)));
}

} // namespace gc

#endif // GC_MAKE_H
