//===- SiteTable.cpp - Allocation sites and their counters ----------------===//

#include "SiteTable.h"

#include <cstdlib>
#include <sys/mman.h>

namespace gc::rt {

void SiteTable::init() {
  void *memory = mmap(nullptr, kCapacity * sizeof(Site), PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (memory == MAP_FAILED)
    std::abort();
  sites = static_cast<Site *>(memory);
  new (&sites[kOverflowSite]) Site();
  sites[kOverflowSite].file = "(other sites)";
}

std::uint32_t SiteTable::intern(const std::source_location &where,
                                std::uint32_t type) {
  std::lock_guard<std::mutex> guard(lock);
  // Threads cache ids by the address of the location's constant; distinct
  // translation units may hold distinct copies of it, so sites are keyed
  // here by position.
  auto key = std::make_tuple(std::string(where.file_name()), where.line(),
                             where.column());
  auto found = byPosition.find(key);
  if (found != byPosition.end())
    return found->second;
  std::uint32_t id = count.load(std::memory_order_relaxed);
  if (id >= kCapacity)
    return kOverflowSite;
  Site *site = new (&sites[id]) Site();
  site->file = where.file_name();
  site->function = where.function_name();
  site->line = where.line();
  site->column = where.column();
  site->firstType = type;
  byPosition.emplace(std::move(key), id);
  count.store(id + 1, std::memory_order_release);
  return id;
}

void SiteTable::resetLive() {
  std::uint32_t n = size();
  for (std::uint32_t i = 0; i < n; ++i) {
    sites[i].liveObjects = 0;
    sites[i].liveBytes = 0;
  }
}

} // namespace gc::rt
