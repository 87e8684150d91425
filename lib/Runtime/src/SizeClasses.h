//===- SizeClasses.h - Cell sizes of small-object spans ---------*- C++ -*-===//
//
// Cells grow by 16 bytes up to 256, then by about 12.5% (rounded to 16) up
// to 32 KiB; larger objects get their own run of blocks. Each class also
// fixes how many 8 KiB blocks its spans have: at least 8 (64 KiB), more if
// that wastes over 1/16 of the span. The table is computed at compile time.
//
//===----------------------------------------------------------------------===//

#ifndef GC_RT_SIZECLASSES_H
#define GC_RT_SIZECLASSES_H

#include <cstddef>
#include <cstdint>

namespace gc::rt {

inline constexpr std::size_t kBlockShift = 13;
inline constexpr std::size_t kBlockSize = std::size_t{1} << kBlockShift;
inline constexpr std::size_t kMaxSmallSize = 32 * 1024;
inline constexpr std::size_t kMaxCellsPerSpan = 4096;
inline constexpr std::size_t kBitmapWords = kMaxCellsPerSpan / 64;
inline constexpr unsigned kMaxSizeClasses = 64;

struct SizeClassTable {
  unsigned count = 0;
  std::uint32_t cellSize[kMaxSizeClasses] = {};
  std::uint16_t spanBlocks[kMaxSizeClasses] = {};
  /// Class of sizes up to 1024, indexed by (size + 15) / 16.
  std::uint8_t bySmallSize[1024 / 16 + 1] = {};
  /// Class of sizes up to 32 KiB, indexed by (size + 127) / 128.
  std::uint8_t byLargeSize[kMaxSmallSize / 128 + 1] = {};
};

constexpr SizeClassTable makeSizeClassTable() {
  SizeClassTable table;
  std::size_t size = 16;
  while (size <= kMaxSmallSize) {
    table.cellSize[table.count] = static_cast<std::uint32_t>(size);
    std::size_t blocks = 8;
    while (true) {
      std::size_t bytes = blocks * kBlockSize;
      std::size_t cells = bytes / size;
      if (cells > kMaxCellsPerSpan) {
        blocks = kMaxCellsPerSpan * size / kBlockSize;
        break;
      }
      if ((bytes % size) * 16 <= bytes && cells >= 8)
        break;
      ++blocks;
    }
    table.spanBlocks[table.count] = static_cast<std::uint16_t>(blocks);
    ++table.count;
    std::size_t step = size < 256 ? 16 : (size / 8) / 16 * 16;
    size += step;
  }
  // The largest class must be exactly kMaxSmallSize.
  if (table.cellSize[table.count - 1] != kMaxSmallSize) {
    table.cellSize[table.count] = kMaxSmallSize;
    table.spanBlocks[table.count] = 32;
    ++table.count;
  }
  unsigned cls = 0;
  for (std::size_t i = 0; i <= 1024 / 16; ++i) {
    while (table.cellSize[cls] < i * 16)
      ++cls;
    table.bySmallSize[i] = static_cast<std::uint8_t>(cls);
  }
  cls = 0;
  for (std::size_t i = 0; i <= kMaxSmallSize / 128; ++i) {
    while (table.cellSize[cls] < i * 128)
      ++cls;
    table.byLargeSize[i] = static_cast<std::uint8_t>(cls);
  }
  return table;
}

inline constexpr SizeClassTable kSizeClasses = makeSizeClassTable();

/// Smallest class whose cells hold `bytes` (bytes <= kMaxSmallSize).
inline unsigned sizeClassOf(std::size_t bytes) {
  if (bytes <= 1024)
    return kSizeClasses.bySmallSize[(bytes + 15) >> 4];
  return kSizeClasses.byLargeSize[(bytes + 127) >> 7];
}

/// Spans are segregated by class and by two properties of their objects:
/// pointer-free objects are never scanned, and only spans with destructible
/// objects are searched for destructors to run.
inline constexpr unsigned kSpanKindNoScan = 1;
inline constexpr unsigned kSpanKindDestructors = 2;
inline constexpr unsigned kSpanKinds = 4;
inline constexpr unsigned kMaxSpanClasses = kMaxSizeClasses * kSpanKinds;

inline unsigned spanClassOf(unsigned sizeClass, unsigned kind) {
  return sizeClass * kSpanKinds + kind;
}

} // namespace gc::rt

#endif // GC_RT_SIZECLASSES_H
