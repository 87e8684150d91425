//===- Sanitizers.h - Living with ASan and TSan -----------------*- C++ -*-===//
//
// Conservative scanning reads memory that sanitizers consider off limits:
// other threads' stacks (TSan: unsynchronized reads), stack and global
// redzones (ASan). The functions that do so are excluded from
// instrumentation; everything else in the runtime stays instrumented.
//
//===----------------------------------------------------------------------===//

#ifndef GC_RT_SANITIZERS_H
#define GC_RT_SANITIZERS_H

#include <cstddef>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GC_RT_ASAN 1
#endif
#if __has_feature(thread_sanitizer)
#define GC_RT_TSAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) && !defined(GC_RT_ASAN)
#define GC_RT_ASAN 1
#endif

/// For functions that read memory word by word without knowing its owner.
#define GC_RT_NO_SANITIZE                                                      \
  __attribute__((no_sanitize("address", "thread", "hwaddress"), noinline))

#ifdef GC_RT_ASAN
extern "C" {
void __asan_poison_memory_region(void const volatile *addr, size_t size);
void __asan_unpoison_memory_region(void const volatile *addr, size_t size);
void __lsan_register_root_region(const void *p, size_t size);
void __lsan_unregister_root_region(const void *p, size_t size);
}
#endif

namespace gc::rt {

inline void asan_poison(const void *address, std::size_t bytes) {
#ifdef GC_RT_ASAN
  __asan_poison_memory_region(address, bytes);
#else
  (void)address;
  (void)bytes;
#endif
}

inline void asan_unpoison(const void *address, std::size_t bytes) {
#ifdef GC_RT_ASAN
  __asan_unpoison_memory_region(address, bytes);
#else
  (void)address;
  (void)bytes;
#endif
}

} // namespace gc::rt

#endif // GC_RT_SANITIZERS_H
