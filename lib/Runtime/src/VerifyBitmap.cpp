//===- VerifyBitmap.cpp - Second set of mark bits for GCRT_VERIFY ---------===//

#include "VerifyBitmap.h"

#include <cstdlib>
#include <sys/mman.h>

namespace gc::rt {

void VerifyBitmap::ensure(std::uintptr_t arenaBase, std::size_t arenaBytes) {
  if (words)
    return;
  base = arenaBase;
  bytes = (arenaBytes / 128 + 8 + 4095) & ~std::size_t{4095};
  void *memory = mmap(nullptr, bytes, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (memory == MAP_FAILED)
    std::abort();
  words = static_cast<std::uint64_t *>(memory);
}

void VerifyBitmap::clear(std::uintptr_t end) {
  std::size_t used = (end - base) / 128 + 8;
  used = (used + 4095) & ~std::size_t{4095};
  if (used > bytes)
    used = bytes;
  madvise(words, used, MADV_DONTNEED);
}

} // namespace gc::rt
