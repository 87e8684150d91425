//===- DataSegments.cpp - The program's writable static data --------------===//

#include "DataSegments.h"

#include <link.h>

namespace gc::rt {

std::vector<AddressRange> writableDataSegments() {
  std::vector<AddressRange> ranges;
  dl_iterate_phdr(
      [](dl_phdr_info *info, size_t, void *out) {
        auto &result = *static_cast<std::vector<AddressRange> *>(out);
        for (int i = 0; i < info->dlpi_phnum; ++i) {
          const ElfW(Phdr) &segment = info->dlpi_phdr[i];
          if (segment.p_type != PT_LOAD || !(segment.p_flags & PF_W))
            continue;
          std::uintptr_t begin = info->dlpi_addr + segment.p_vaddr;
          result.push_back({begin, begin + segment.p_memsz});
        }
        return 0;
      },
      &ranges);
  return ranges;
}

} // namespace gc::rt
