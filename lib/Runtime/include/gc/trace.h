//===- gc/trace.h - How objects describe their pointers ---------*- C++ -*-===//
//
// A type tells the collector where its pointers are in one of three ways:
//
//   * a member   `void trace(gc::tracer &t) const { t(left); t(right); }`
//   * a trait    `template <> struct gc::trace_trait<T> { static void
//                 trace(const T &, gc::tracer &); };`
//   * `gc::pointer_free<T>` is true (arithmetic and enum types, or a user
//     specialization): the object is never scanned at all.
//
// Any other type is scanned conservatively: every aligned word of the object
// that looks like a pointer into the GC heap keeps its target alive. That is
// always safe, only slower and prone to false retention.
//
//===----------------------------------------------------------------------===//

#ifndef GC_TRACE_H
#define GC_TRACE_H

#include <cstddef>
#include <type_traits>

namespace gc {

class tracer;
template <class T> class member;

/// Specialize to describe a type you cannot change:
///   template <> struct gc::trace_trait<Foo> {
///     static void trace(const Foo &f, gc::tracer &t) { t(f.next); }
///   };
template <class T> struct trace_trait;

/// True for types that can never hold a pointer into the GC heap. Their
/// objects live on pages the marker never reads. Specialize it for your own
/// plain-data types.
template <class T>
struct pointer_free
    : std::bool_constant<std::is_arithmetic_v<std::remove_all_extents_t<T>> ||
                         std::is_enum_v<std::remove_all_extents_t<T>>> {};

template <class T>
concept has_trace_member = requires(const T &object, tracer &t) {
  object.trace(t);
};

template <class T>
concept has_trace_trait = requires(const T &object, tracer &t) {
  trace_trait<T>::trace(object, t);
};

template <class T>
concept traceable = has_trace_member<T> || has_trace_trait<T>;

namespace detail {
struct tracer_access;
} // namespace detail

/// Handed to `trace` functions; reports each pointer field to the marker.
/// Pointers may be null, point to an object's start or into its interior,
/// or point outside the GC heap: all are fine.
class tracer {
public:
  template <class U> void operator()(U *const &pointer) { visit(pointer); }

  template <class U> void operator()(const member<U> &field) {
    visit(field.get());
  }

  template <class U, std::size_t N> void operator()(U *const (&array)[N]) {
    for (U *const &pointer : array)
      visit(pointer);
  }

  /// A member object that itself knows how to trace.
  template <traceable U> void operator()(const U &embedded) {
    if constexpr (has_trace_member<U>)
      embedded.trace(*this);
    else
      trace_trait<U>::trace(embedded, *this);
  }

  /// Scan a byte range conservatively, e.g. an embedded std::vector's
  /// inline storage or a union.
  void conservative(const void *begin, std::size_t bytes);

  void visit(const void *pointer) {
    if (pointer)
      shade(pointer);
  }

private:
  friend struct detail::tracer_access;
  explicit tracer(void *marker) : marker(marker) {}
  void shade(const void *pointer);
  void *marker;
};

} // namespace gc

#endif // GC_TRACE_H
