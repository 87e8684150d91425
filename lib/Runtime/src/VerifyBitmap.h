//===- VerifyBitmap.h - Second set of mark bits for GCRT_VERIFY -*- C++ -*-===//
//
// The verifying mark must not disturb the primary mark bits, so it marks
// into one bit per 16 bytes of arena, reserved lazily (only verify mode
// pays for it) and cleared by dropping its pages after each use.
//
//===----------------------------------------------------------------------===//

#ifndef GC_RT_VERIFYBITMAP_H
#define GC_RT_VERIFYBITMAP_H

#include <cstddef>
#include <cstdint>

namespace gc::rt {

class VerifyBitmap {
public:
  void ensure(std::uintptr_t arenaBase, std::size_t arenaBytes);
  /// Returns true if the bit was clear.
  bool testAndSet(std::uintptr_t cell) {
    std::uintptr_t bit = (cell - base) >> 4;
    std::uint64_t mask = std::uint64_t{1} << (bit & 63);
    std::uint64_t &word = words[bit >> 6];
    if (word & mask)
      return false;
    word |= mask;
    return true;
  }
  bool test(std::uintptr_t cell) const {
    std::uintptr_t bit = (cell - base) >> 4;
    return (words[bit >> 6] >> (bit & 63)) & 1;
  }
  /// Clears the bits covering [base, end).
  void clear(std::uintptr_t end);

private:
  std::uint64_t *words = nullptr;
  std::uintptr_t base = 0;
  std::size_t bytes = 0;
};

} // namespace gc::rt

#endif // GC_RT_VERIFYBITMAP_H
