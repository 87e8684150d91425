//===- gc/detail/type_descriptor.h - What the marker knows of a type -*- C++
//-*-=//
//
// One descriptor per C++ type ever allocated: size, how to scan it, how to
// destroy it and a printable name. Registered once per type (a function-local
// static), then referred to by a 28-bit id in each object's header.
//
//===----------------------------------------------------------------------===//

#ifndef GC_DETAIL_TYPE_DESCRIPTOR_H
#define GC_DETAIL_TYPE_DESCRIPTOR_H

#include "gc/detail/object_layout.h"
#include "gc/trace.h"

#include <cstddef>
#include <cstdint>
#include <type_traits>

namespace gc::detail {

enum class scan_kind : std::uint8_t {
  none,        ///< pointer-free: never read by the marker
  precise,     ///< has a trace member or trait
  conservative ///< every aligned word is a potential pointer
};

using trace_fn = void (*)(const void *object, tracer &t);
using destroy_fn = void (*)(void *first, std::size_t count);

struct type_descriptor {
  std::size_t size;
  std::size_t payload_offset;
  scan_kind scan;
  trace_fn trace;     ///< only for scan_kind::precise
  destroy_fn destroy; ///< null when trivially destructible
  const char *pretty; ///< __PRETTY_FUNCTION__ of type_pretty<T>
};

/// Returns the id of a descriptor; never fails (ids are plentiful).
std::uint32_t register_type(const type_descriptor &descriptor);

template <class T> constexpr scan_kind scan_kind_of() {
  if constexpr (traceable<T>)
    return scan_kind::precise;
  else if constexpr (pointer_free<T>::value)
    return scan_kind::none;
  else
    return scan_kind::conservative;
}

template <class T> void trace_thunk(const void *object, tracer &t) {
  if constexpr (has_trace_member<T>)
    static_cast<const T *>(object)->trace(t);
  else if constexpr (has_trace_trait<T>)
    trace_trait<T>::trace(*static_cast<const T *>(object), t);
}

template <class T> void destroy_thunk(void *first, std::size_t count) {
  T *objects = static_cast<T *>(first);
  for (std::size_t i = 0; i < count; ++i)
    objects[i].~T();
}

/// The runtime extracts the type name from this function's signature.
template <class T> const char *type_pretty() { return __PRETTY_FUNCTION__; }

template <class T> std::uint32_t type_id() {
  static const std::uint32_t id = register_type(type_descriptor{
      sizeof(T), payload_offset_of<T>(), scan_kind_of<T>(),
      scan_kind_of<T>() == scan_kind::precise ? &trace_thunk<T> : nullptr,
      std::is_trivially_destructible_v<T> ? nullptr : &destroy_thunk<T>,
      type_pretty<T>()});
  return id;
}

} // namespace gc::detail

#endif // GC_DETAIL_TYPE_DESCRIPTOR_H
