//===- gc/detail/object_layout.h - Header in front of each object -*- C++ -*-=//
//
// Every object starts with an 8-byte header {type id + flags, site id}. The
// payload follows at 8 bytes (alignof <= 8) or 16 bytes (alignof == 16);
// an array keeps its element count in the second 8 bytes and its payload at
// 16. Cells are 16-byte aligned, so payloads are naturally aligned.
//
// This layout is shared between the inline templates of the public API and
// the runtime; it is not part of the API.
//
//===----------------------------------------------------------------------===//

#ifndef GC_DETAIL_OBJECT_LAYOUT_H
#define GC_DETAIL_OBJECT_LAYOUT_H

#include <cstddef>
#include <cstdint>

namespace gc::detail {

struct object_header {
  std::uint32_t type_bits;
  std::uint32_t site;
};
static_assert(sizeof(object_header) == 8);

/// The object is an array; its element count follows the header.
inline constexpr std::uint32_t header_array_flag = 1u << 31;
/// Its destructor must not run: construction has not finished (or threw),
/// or the destructor already ran.
inline constexpr std::uint32_t header_no_destroy_flag = 1u << 30;
inline constexpr std::uint32_t header_type_mask = (1u << 28) - 1;

inline constexpr std::size_t max_alignment = 16;
inline constexpr std::size_t array_payload_offset = 16;

template <class T> constexpr std::size_t payload_offset_of() {
  static_assert(alignof(T) <= max_alignment,
                "gc::make supports alignments up to 16 bytes");
  return alignof(T) > 8 ? 16 : 8;
}

inline object_header *header_of(const void *payload,
                                std::size_t payload_offset) {
  return reinterpret_cast<object_header *>(
      const_cast<char *>(static_cast<const char *>(payload)) - payload_offset);
}

} // namespace gc::detail

#endif // GC_DETAIL_OBJECT_LAYOUT_H
