//===- Options.h - Tunables and debug modes, from env and API ---*- C++ -*-===//

#ifndef GC_RT_OPTIONS_H
#define GC_RT_OPTIONS_H

#include <atomic>
#include <cstddef>

namespace gc::rt {

enum class ReportAtExit { None, Text, Json };

struct Options {
  int gogc = 100;          ///< < 0: automatic collection off
  std::size_t maxHeap = 0; ///< 0: only the reserve
  std::size_t reserve = std::size_t{64} << 30;
  std::size_t minHeap = std::size_t{4} << 20;
  /// GCRT_MIN_RUNWAY: allocation between cycles at GOGC=100 (see Pacer.h)
  std::size_t minRunway = std::size_t{16} << 20;
  bool hugePages = true; ///< GCRT_HUGEPAGES=0: plain 4 KiB pages
  unsigned collectEvery = 0;                         ///< GCRT_STRESS
  bool verify = false;                               ///< GCRT_VERIFY
  bool poison = false;                               ///< GCRT_POISON
  bool trace = false;                                ///< GCRT_TRACE
  std::size_t markStackLimit = std::size_t{1} << 24; ///< entries
  ReportAtExit report = ReportAtExit::None;
  const char *reportFile = nullptr;
  int stopSignal = 0; ///< 0: SIGPWR

  /// Reads GOGC, GCRT_* from the environment.
  void readEnvironment();
};

/// Parses "512", "64K", "512M", "4G"; returns 0 on error.
std::size_t parseSize(const char *text);

} // namespace gc::rt

#endif // GC_RT_OPTIONS_H
