//===- MappedVector.cpp - A growable array that never calls malloc --------===//

#include "MappedVector.h"

#include <algorithm>
#include <sys/mman.h>

namespace gc::rt {

MappedVector::~MappedVector() {
  if (data)
    munmap(data, capacity * sizeof(std::uintptr_t));
}

bool MappedVector::grow() {
  std::size_t wanted =
      std::min(std::max<std::size_t>(capacity * 2, 8192), limit);
  if (wanted <= capacity)
    return false;
  void *memory;
  if (data)
    memory = mremap(data, capacity * sizeof(std::uintptr_t),
                    wanted * sizeof(std::uintptr_t), MREMAP_MAYMOVE);
  else
    memory =
        mmap(nullptr, wanted * sizeof(std::uintptr_t), PROT_READ | PROT_WRITE,
             MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (memory == MAP_FAILED)
    return false;
  data = static_cast<std::uintptr_t *>(memory);
  capacity = wanted;
  return true;
}

} // namespace gc::rt
