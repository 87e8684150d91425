//===- TypeTable.cpp - Descriptors of allocated types, by id --------------===//

#include "TypeTable.h"
#include "SizeClasses.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/mman.h>

namespace gc::rt {

void TypeTable::init() {
  void *memory =
      mmap(nullptr, kCapacity * sizeof(TypeRecord), PROT_READ | PROT_WRITE,
           MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (memory == MAP_FAILED)
    std::abort();
  records = static_cast<TypeRecord *>(memory);
}

std::uint32_t TypeTable::add(const detail::type_descriptor &descriptor) {
  std::lock_guard<std::mutex> guard(lock);
  std::uint32_t id = count.load(std::memory_order_relaxed);
  if (id >= kCapacity) {
    std::fprintf(stderr, "gc: more than %u types\n", kCapacity);
    std::abort();
  }
  TypeRecord &record = records[id];
  record.descriptor = descriptor;
  record.spanKind = 0;
  if (descriptor.scan == detail::scan_kind::none)
    record.spanKind |= kSpanKindNoScan;
  if (descriptor.destroy)
    record.spanKind |= kSpanKindDestructors;
  std::size_t bytes = descriptor.payload_offset + descriptor.size;
  record.cellBytes =
      bytes <= kMaxSmallSize ? kSizeClasses.cellSize[sizeClassOf(bytes)] : 0;
  count.store(id + 1, std::memory_order_release);
  return id;
}

std::string TypeTable::nameOf(const char *pretty) {
  if (!pretty)
    return "?";
  const char *begin = std::strstr(pretty, "[T = ");
  if (!begin)
    return pretty;
  begin += 5;
  const char *end = std::strrchr(begin, ']');
  return std::string(begin, end ? end : begin + std::strlen(begin));
}

} // namespace gc::rt
