//===- gc/control.h - Collection, pacing, statistics, reports ---*- C++ -*-===//
//
// Environment variables (read at the first use of the runtime; the API
// calls below override them):
//
//   GOGC / GCRT_GOGC=N|off   heap goal = live * (1 + N/100); default 100
//   GCRT_MAX_HEAP=SIZE       hard heap limit (e.g. 512M, 4G); bad_alloc above
//   GCRT_STRESS=N            collect every N allocations (1 = torture)
//   GCRT_VERIFY=1            after each mark, mark again from scratch and
//                            abort if the two disagree
//   GCRT_POISON=1            fill freed cells with 0xdb, check them on reuse
//                            (and ASan-poison them in ASan builds)
//   GCRT_MARK_STACK_LIMIT=N  cap the grey stack at N entries (tests overflow)
//   GCRT_TRACE=1             one line per cycle on stderr
//   GCRT_REPORT=text|json    print the allocation-site report at exit
//   GCRT_REPORT_FILE=PATH    ... into PATH instead of stderr
//
//===----------------------------------------------------------------------===//

#ifndef GC_CONTROL_H
#define GC_CONTROL_H

#include <cstddef>
#include <cstdint>
#include <cstdio>

namespace gc {

/// A full, stop-the-world collection. Destructors of the objects it finds
/// unreachable run afterwards on the finalizer thread.
void collect();

/// Sets the GOGC percentage and returns the previous one. A negative value
/// turns automatic collection off (gc::collect() still works).
int set_gogc(int percent);
int gogc();

/// Hard limit on heap size in bytes (0 = only the address-space reserve).
void set_max_heap(std::size_t bytes);

/// Blocks until every destructor queued so far has run.
void wait_for_finalizers();

struct debug_options {
  unsigned collect_every = 0; ///< 0 = off
  bool verify = false;
  bool poison = false;
  bool trace = false;
  std::size_t mark_stack_limit = 0; ///< entries; 0 = default
};
debug_options get_debug_options();
void set_debug_options(const debug_options &options);

struct statistics {
  std::uint64_t cycles = 0;
  double pause_max_ms = 0, pause_total_ms = 0;
  double pause_p50_ms = 0, pause_p90_ms = 0, pause_p99_ms = 0;
  std::size_t heap_bytes = 0;   ///< memory in spans (small pages + large)
  std::size_t in_use_bytes = 0; ///< allocated cells, including garbage
  std::size_t live_bytes = 0;   ///< marked by the last cycle
  std::size_t goal_bytes = 0;   ///< next cycle starts at this in_use
  std::uint64_t allocated_objects = 0;
  std::uint64_t allocated_bytes = 0;
  std::uint64_t finalized_objects = 0;
  std::uint64_t mark_stack_overflows = 0;
};
statistics stats();

enum class report_format { text, json };

/// Per allocation site: objects and bytes allocated so far, objects and
/// bytes found live by the last cycle.
void report_sites(std::FILE *out = stderr,
                  report_format format = report_format::text);

} // namespace gc

#endif // GC_CONTROL_H
