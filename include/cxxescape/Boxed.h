//===- Boxed.h - A rarely set member kept out of line ----------*- C++ -*-===//
//
// Most locations of a program graph are compiler temps; a member only named
// locals or allocation sites have (a heapify plan, allocation facts) would
// cost every location its full size. Boxed<T> costs a pointer, reads as a
// default T when unset and copies deeply, so graphs stay plain values.
//
//===----------------------------------------------------------------------===//
#ifndef CXXESCAPE_BOXED_H
#define CXXESCAPE_BOXED_H

#include <memory>

namespace cxxescape {

template <class T> class Boxed {
public:
  Boxed() = default;
  Boxed(const Boxed &O) : P(O.P ? std::make_unique<T>(*O.P) : nullptr) {}
  Boxed(Boxed &&) noexcept = default;
  Boxed &operator=(const Boxed &O) {
    if (this != &O)
      P = O.P ? std::make_unique<T>(*O.P) : nullptr;
    return *this;
  }
  Boxed &operator=(Boxed &&) noexcept = default;
  /// Setting the default value frees the box.
  Boxed &operator=(T V) {
    if (V == T{})
      P.reset();
    else
      P = std::make_unique<T>(std::move(V));
    return *this;
  }

  const T &operator*() const { return P ? *P : empty(); }
  const T *operator->() const { return &**this; }
  /// The value, to change it in place (allocated on first use).
  T &mut() {
    if (!P)
      P = std::make_unique<T>();
    return *P;
  }

private:
  static const T &empty() {
    static const T Default{};
    return Default;
  }
  std::unique_ptr<T> P;
};

} // namespace cxxescape

#endif
