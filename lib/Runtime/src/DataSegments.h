//===- DataSegments.h - The program's writable static data ------*- C++ -*-===//
//
// Like Boehm, the collector treats the writable PT_LOAD segments (.data,
// .bss, ...) of the executable and every loaded shared library as roots, so
// a global `T *g = gc::make<T>()` keeps its object alive. The list is taken
// with dl_iterate_phdr before the world is stopped (it takes the loader's
// lock, which a stopped thread might hold).
//
//===----------------------------------------------------------------------===//

#ifndef GC_RT_DATASEGMENTS_H
#define GC_RT_DATASEGMENTS_H

#include <cstdint>
#include <vector>

namespace gc::rt {

struct AddressRange {
  std::uintptr_t begin;
  std::uintptr_t end;
};

std::vector<AddressRange> writableDataSegments();

} // namespace gc::rt

#endif // GC_RT_DATASEGMENTS_H
