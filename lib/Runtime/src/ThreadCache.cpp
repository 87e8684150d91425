//===- ThreadCache.cpp - Per-thread allocation state ----------------------===//

#include "ThreadCache.h"

#include <cstdlib>
#include <sys/mman.h>

namespace gc::rt {

static constexpr std::size_t kCounterBytes =
    SiteTable::kCapacity * sizeof(SiteCounter);

ThreadCache::ThreadCache() {
  // Touched only for the sites this thread uses.
  void *memory = mmap(nullptr, kCounterBytes, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (memory == MAP_FAILED)
    std::abort();
  siteCounters = static_cast<SiteCounter *>(memory);
}

ThreadCache::~ThreadCache() { munmap(siteCounters, kCounterBytes); }

} // namespace gc::rt
