//===- TypeTable.h - Descriptors of allocated types, by id ------*- C++ -*-===//
//
// Fixed-capacity and mmap'd, so that the marker can index it with the world
// stopped while another thread is half-way through registering a type:
// an entry is complete before its id is published.
//
//===----------------------------------------------------------------------===//

#ifndef GC_RT_TYPETABLE_H
#define GC_RT_TYPETABLE_H

#include "gc/detail/type_descriptor.h"

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>

namespace gc::rt {

struct TypeRecord {
  detail::type_descriptor descriptor;
  std::uint8_t spanKind; ///< kSpanKindNoScan | kSpanKindDestructors
  /// Cell size of a single (non-array) object if small, else 0; lets the
  /// marker count live bytes without looking up the span.
  std::uint32_t cellBytes;
};

class TypeTable {
public:
  static constexpr std::uint32_t kCapacity = 1u << 20;

  void init();
  std::uint32_t add(const detail::type_descriptor &descriptor);
  const TypeRecord &operator[](std::uint32_t id) const { return records[id]; }
  std::uint32_t size() const { return count.load(std::memory_order_acquire); }

  /// "Node" out of "const char *gc::detail::type_pretty() [T = Node]".
  static std::string nameOf(const char *pretty);

private:
  TypeRecord *records = nullptr;
  std::atomic<std::uint32_t> count{1}; ///< id 0 is never used
  std::mutex lock;
};

} // namespace gc::rt

#endif // GC_RT_TYPETABLE_H
