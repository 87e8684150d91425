//===- Marker.cpp - Tri-color marking with an explicit grey stack ---------===//

#include "Marker.h"
#include "Runtime.h"
#include "Sanitizers.h"

#include "gc/trace.h"

namespace gc::detail {

/// The runtime's way to build tracers (their constructor is private so
/// user code cannot make one).
struct tracer_access {
  static tracer make(rt::Marker &marker) { return tracer(&marker); }
};

} // namespace gc::detail

void gc::tracer::shade(const void *pointer) {
  static_cast<rt::Marker *>(marker)->shade(
      reinterpret_cast<std::uintptr_t>(pointer));
}

void gc::tracer::conservative(const void *begin, std::size_t bytes) {
  auto first = reinterpret_cast<std::uintptr_t>(begin);
  static_cast<rt::Marker *>(marker)->scanConservatively(first, first + bytes);
}

namespace gc::rt {

Marker::Marker(Runtime &rt, MappedVector &greyStack, Mode mode)
    : rt(rt), grey(greyStack), mode(mode), arenaBase(rt.heap.arena.begin()),
      arenaSize(rt.heap.arena.end() - rt.heap.arena.begin()),
      blockSpans(rt.heap.arena.blockSpans()) {}

bool Marker::isMarked(const Span *span, std::uint32_t index) const {
  if (mode == Mode::Verify)
    return rt.verifyBitmap.test(span->cellAddress(index));
  return span->isMarked(index);
}

void Marker::shade(std::uintptr_t word) {
  // Arena::spanOf, without re-reading the arena's bounds.
  std::uintptr_t offset = word - arenaBase;
  if (offset >= arenaSize)
    return;
  Span *span = blockSpans[offset >> kBlockShift];
  if (!span ||
      word - span->start >= std::uintptr_t{span->blocks} * kBlockSize)
    return;
  std::uint32_t index = span->cellIndex(word);
  if (index >= span->cells || !span->isAllocated(index))
    return;
  std::uintptr_t cell = span->cellAddress(index);
  if (mode == Mode::Primary) {
    if (!span->setMark(index))
      return;
    markedBytes += span->cellSize;
    ++markedObjects;
  } else if (!rt.verifyBitmap.testAndSet(cell)) {
    return;
  }
  // Pointer-free objects are never touched: their mark bit is all they
  // need (their site is counted by the sweep, see Heap.h). Not touching
  // the others here lets drain() prefetch them before their scan.
  if (span->noScan())
    return;
  if (!grey.push(cell))
    overflowed = true;
}

GC_RT_NO_SANITIZE
void Marker::scanConservatively(std::uintptr_t begin, std::uintptr_t end) {
  begin = (begin + sizeof(void *) - 1) & ~(sizeof(void *) - 1);
  for (std::uintptr_t p = begin; p + sizeof(void *) <= end;
       p += sizeof(void *)) {
    std::uintptr_t word = *reinterpret_cast<const volatile std::uintptr_t *>(p);
    if (word - arenaBase < arenaSize)
      shade(word);
  }
}

void Marker::scanObject(std::uintptr_t cell) {
  const auto *header = reinterpret_cast<const detail::object_header *>(cell);
  const TypeRecord &type =
      rt.types[header->type_bits & detail::header_type_mask];
  const detail::type_descriptor &d = type.descriptor;
  bool array = header->type_bits & detail::header_array_flag;
  std::size_t count =
      array ? *reinterpret_cast<const std::size_t *>(cell + 8) : 1;
  std::uintptr_t payload =
      cell + (array ? detail::array_payload_offset : d.payload_offset);
  switch (d.scan) {
  case detail::scan_kind::none:
    return;
  case detail::scan_kind::precise: {
    gc::tracer t = detail::tracer_access::make(*this);
    for (std::size_t i = 0; i < count; ++i)
      d.trace(reinterpret_cast<const void *>(payload + i * d.size), t);
    return;
  }
  case detail::scan_kind::conservative:
    scanConservatively(payload, payload + d.size * count);
    return;
  }
}

void Marker::drain() {
  // Popped objects wait in a small FIFO after a prefetch of their header,
  // hiding most of the cache miss of the next scan.
  constexpr unsigned kDepth = 8;
  std::uintptr_t fifo[kDepth];
  unsigned head = 0, size = 0;
  for (;;) {
    while (size < kDepth) {
      std::uintptr_t cell;
      if (!grey.pop(cell))
        break;
      __builtin_prefetch(reinterpret_cast<const void *>(cell));
      fifo[(head + size) % kDepth] = cell;
      ++size;
    }
    if (size == 0)
      return;
    std::uintptr_t cell = fifo[head];
    head = (head + 1) % kDepth;
    --size;
    scanObject(cell);
  }
}

void Marker::rescanMarkedObjects() {
  rt.heap.arena.forEachSpan([&](Span *span) {
    if (span->noScan())
      return;
    for (std::uint32_t i = 0; i < span->cells; ++i)
      if (span->isAllocated(i) && isMarked(span, i)) {
        scanObject(span->cellAddress(i));
        drain();
      }
  });
}

void Marker::finish() {
  drain();
  while (overflowed) {
    overflowed = false;
    ++overflowRescans;
    rescanMarkedObjects();
  }
}

} // namespace gc::rt
