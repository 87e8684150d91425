//===- Heap.cpp - Central span lists, lazy sweeping, large objects --------===//

#include "Heap.h"
#include "Sanitizers.h"

#include "gc/detail/object_layout.h"

#include <bit>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/mman.h>

namespace gc::rt {

void poisonCell(std::uintptr_t cell, std::size_t bytes) {
  std::memset(reinterpret_cast<void *>(cell), kPoisonByte, bytes);
  asan_poison(reinterpret_cast<void *>(cell), bytes);
}

void checkPoisonedCell(std::uintptr_t cell, std::size_t bytes) {
  asan_unpoison(reinterpret_cast<void *>(cell), bytes);
  const auto *p = reinterpret_cast<const unsigned char *>(cell);
  for (std::size_t i = 0; i < bytes; ++i)
    if (p[i] != kPoisonByte) {
      std::fprintf(stderr,
                   "gc: free cell %p was written after it was freed "
                   "(byte %zu is 0x%02x)\n",
                   reinterpret_cast<void *>(cell), i, p[i]);
      std::abort();
    }
}

void Heap::init(std::size_t reserve, std::size_t limit, bool hugePages) {
  arena.init(reserve, hugePages);
  if (limit)
    arena.setLimit(limit);
}

void Heap::initSmallSpan(Span *span, unsigned spanClass, bool poison) {
  unsigned sizeClass = spanClass / kSpanKinds;
  span->state = SpanState::Small;
  span->sizeClass = static_cast<std::uint8_t>(sizeClass);
  span->kind = static_cast<std::uint8_t>(spanClass % kSpanKinds);
  span->cellSize = kSizeClasses.cellSize[sizeClass];
  span->cells = static_cast<std::uint32_t>(std::size_t{span->blocks} *
                                           kBlockSize / span->cellSize);
  span->reciprocal = ((std::uint64_t{1} << 40) / span->cellSize) + 1;
  span->freeIndex = 0;
  span->owned = false;
  std::memset(span->allocBits, 0, sizeof(span->allocBits));
  std::memset(span->markBits, 0, sizeof(span->markBits));
  span->poisoned = poison;
  if (poison)
    for (std::uint32_t i = 0; i < span->cells; ++i)
      poisonCell(span->cellAddress(i), span->cellSize);
}

void Heap::countLiveSites(const Span *span) {
  for (unsigned w = 0, words = span->bitmapWords(); w < words; ++w)
    for (std::uint64_t marked = span->markBits[w]; marked;
         marked &= marked - 1) {
      std::uintptr_t cell =
          span->cellAddress(w * 64 + std::countr_zero(marked));
      sites->addLive(
          reinterpret_cast<const detail::object_header *>(cell)->site,
          span->cellSize);
    }
}

unsigned Heap::sweepSpan(Span *span, bool poison) {
  countLiveSites(span);
  unsigned live = 0;
  for (unsigned w = 0, words = span->bitmapWords(); w < words; ++w) {
    std::uint64_t allocated = span->allocatedWord(w);
    std::uint64_t marked = span->markBits[w];
    std::uint64_t dead = allocated & ~marked;
    if (poison)
      for (; dead; dead &= dead - 1)
        poisonCell(span->cellAddress(w * 64 + std::countr_zero(dead)),
                   span->cellSize);
    span->allocBits[w] = marked;
    span->markBits[w] = 0;
    live += std::popcount(marked);
  }
  span->freeIndex = 0;
  span->poisoned = span->poisoned && poison;
  return live;
}

bool Heap::sweepAndRelease(Span *span, bool poison) {
  unsigned live = sweepSpan(span, poison);
  if (live == 0) {
    asan_unpoison(reinterpret_cast<void *>(span->start),
                  span->end() - span->start);
    arena.freeRun(span);
    return false;
  }
  // Full spans are on no list until the next mark.
  return live < span->cells;
}

Span *Heap::takeSpan(unsigned spanClass, bool poison) {
  if (Span *span = pop(partial[spanClass]))
    return span;
  while (Span *span = pop(unswept[spanClass]))
    if (sweepAndRelease(span, poison))
      return span;
  unsigned blocks = kSizeClasses.spanBlocks[spanClass / kSpanKinds];
  bool zeroed;
  Span *span = arena.allocateRun(blocks, zeroed);
  if (!span) {
    finishSweep(poison);
    span = arena.allocateRun(blocks, zeroed);
    if (!span)
      return nullptr;
  }
  initSmallSpan(span, spanClass, poison);
  return span;
}

void Heap::releaseOwned(Span *span) {
  unsigned live = 0;
  for (unsigned w = 0, words = span->bitmapWords(); w < words; ++w) {
    span->allocBits[w] = span->allocatedWord(w);
    live += std::popcount(span->allocBits[w]);
  }
  span->freeIndex = 0;
  span->owned = false;
  inUse -= std::size_t{span->cells - live} * span->cellSize;
  if (live < span->cells)
    push(partial[span->sizeClass * kSpanKinds + span->kind], span);
}

Span *Heap::takeLargeRun(std::size_t bytes, unsigned kind) {
  auto blocks =
      static_cast<std::uint32_t>((bytes + kBlockSize - 1) >> kBlockShift);
  bool zeroed;
  Span *span = arena.allocateRun(blocks, zeroed);
  if (!span) {
    finishSweep(false);
    span = arena.allocateRun(blocks, zeroed);
    if (!span)
      return nullptr;
  }
  span->state = SpanState::Large;
  span->kind = static_cast<std::uint8_t>(kind);
  span->sizeClass = 0;
  span->cellSize = static_cast<std::uint32_t>(
      std::min<std::size_t>(std::size_t{blocks} * kBlockSize, UINT32_MAX));
  span->cells = 1;
  span->reciprocal = 0; // every offset maps to cell 0
  span->freeIndex = 0;
  span->owned = false;
  span->poisoned = false;
  span->allocBits[0] = 0;
  span->markBits[0] = 0;
  if (!zeroed) {
    auto *memory = reinterpret_cast<void *>(span->start);
    std::size_t runBytes = std::size_t{blocks} * kBlockSize;
    asan_unpoison(memory, runBytes);
    // Big runs: let the kernel hand back zero pages (and drop RSS).
    if (runBytes >= (std::size_t{1} << 20))
      madvise(memory, runBytes, MADV_DONTNEED);
    else
      std::memset(memory, 0, bytes);
  }
  inUse += std::size_t{blocks} * kBlockSize;
  return span;
}

void Heap::finishSweep(bool poison) {
  for (unsigned c = 0; c < kMaxSpanClasses; ++c)
    while (Span *span = pop(unswept[c]))
      if (sweepAndRelease(span, poison))
        push(partial[c], span);
}

void Heap::prepareSweep(std::size_t markedBytes) {
  for (unsigned c = 0; c < kMaxSpanClasses; ++c)
    partial[c] = unswept[c] = nullptr;
  std::size_t reserved = 0;
  Span *deadLarge = nullptr;
  arena.forEachSpan([&](Span *span) {
    if (span->state == SpanState::Large) {
      if (span->markBits[0] & 1) {
        countLiveSites(span);
        span->markBits[0] = 0;
      }
      else if (span->allocBits[0] & 1)
        push(deadLarge, span);
      return;
    }
    if (!span->owned) {
      push(unswept[span->sizeClass * kSpanKinds + span->kind], span);
      return;
    }
    // Owned spans stay with their thread (its cursor must stay valid):
    // their dead cells are freed once the thread lets go of the span.
    countLiveSites(span);
    unsigned marked = 0;
    for (unsigned w = 0, words = span->bitmapWords(); w < words; ++w) {
      marked += std::popcount(span->markBits[w]);
      span->markBits[w] = 0;
    }
    reserved += std::size_t{span->cells - marked} * span->cellSize;
  });
  while (Span *span = pop(deadLarge)) {
    span->allocBits[0] = 0;
    arena.freeRun(span);
  }
  inUse = markedBytes + reserved;
}

} // namespace gc::rt
