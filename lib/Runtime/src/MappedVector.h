//===- MappedVector.h - A growable array that never calls malloc -*- C++ -*-=//
//
// The collector runs with the other threads stopped, possibly inside
// malloc while holding its lock, so nothing it does with the world stopped
// may call malloc. Its grey stack and the destructor queue live in mmap'd
// memory grown with mremap instead.
//
//===----------------------------------------------------------------------===//

#ifndef GC_RT_MAPPEDVECTOR_H
#define GC_RT_MAPPEDVECTOR_H

#include <cstddef>
#include <cstdint>

namespace gc::rt {

class MappedVector {
public:
  MappedVector() = default;
  MappedVector(const MappedVector &) = delete;
  MappedVector &operator=(const MappedVector &) = delete;
  ~MappedVector();

  /// Entries beyond `limit` are refused (push returns false).
  void setLimit(std::size_t entries) { limit = entries; }

  // always_inline: this is on the marker's hot path, and the compiler
  // otherwise keeps it out of line because of the call to grow().
  __attribute__((always_inline)) bool push(std::uintptr_t value) {
    if (count == capacity) [[unlikely]]
      if (!grow())
        return false;
    data[count++] = value;
    return true;
  }
  bool pop(std::uintptr_t &value) {
    if (count == 0)
      return false;
    value = data[--count];
    return true;
  }
  std::size_t size() const { return count; }
  bool empty() const { return count == 0; }
  std::uintptr_t operator[](std::size_t i) const { return data[i]; }
  void clear() { count = 0; }

private:
  bool grow();

  std::uintptr_t *data = nullptr;
  std::size_t count = 0;
  std::size_t capacity = 0;
  std::size_t limit = ~std::size_t{0};
};

} // namespace gc::rt

#endif // GC_RT_MAPPEDVECTOR_H
