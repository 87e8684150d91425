//===- SiteReport.cpp - Printing the per-site allocation report -----------===//
//
// Text:
//   gc: allocation sites after 12 cycles (live 1.2 MiB, heap 4.0 MiB)
//        objects          bytes   live objs     live bytes  site
//        1000000       32000000          12            384  a.cpp:3:9 in f()
//        [Node]
// JSON (one document):
//   {"cycles":12,"live_bytes":...,"heap_bytes":...,"sites":[{"file":"a.cpp",
//    "line":3,"column":9,"function":"f()","type":"Node","objects":1000000,
//    "bytes":32000000,"live_objects":12,"live_bytes":384}]}
// Sites are sorted by bytes allocated, largest first; sites that allocated
// nothing are omitted. "bytes" count whole cells (header and rounding).
//
//===----------------------------------------------------------------------===//

#include "SiteReport.h"
#include "Runtime.h"
#include "ThreadCache.h"

#include <algorithm>
#include <string>
#include <vector>

namespace gc::rt {

namespace {

struct SiteLine {
  const Site *site;
  std::uint64_t objects = 0, bytes = 0, liveObjects = 0, liveBytes = 0;
  std::string type;
};

std::string jsonString(const char *text) {
  std::string out = "\"";
  for (const char *p = text; *p; ++p) {
    unsigned char c = static_cast<unsigned char>(*p);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
      out += buffer;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

} // namespace

void writeSiteReport(Runtime &rt, std::FILE *out, report_format format) {
  std::vector<SiteLine> lines;
  std::uint64_t cycles;
  std::size_t liveBytes, heapBytes;
  {
    std::scoped_lock locks(rt.collectLock, rt.threads.lock);
    // Live bytes per site are counted by the sweep: finish it so that they
    // cover the whole last cycle (the heap size is taken before, as the
    // collector left it).
    std::lock_guard<std::mutex> heapGuard(rt.heap.lock);
    heapBytes = rt.heap.arena.bytesInSpans();
    rt.heap.finishSweep(rt.options.poison);
    std::lock_guard<std::mutex> sitesGuard(rt.sites.lock);
    cycles = rt.statistics.cycles.load();
    liveBytes = rt.statistics.liveBytes;
    std::uint32_t n = rt.sites.size();
    lines.resize(n);
    for (std::uint32_t id = 0; id < n; ++id) {
      Site &site = rt.sites[id];
      SiteLine &line = lines[id];
      line.site = &site;
      line.objects = site.exited.objects.load(std::memory_order_relaxed);
      line.bytes = site.exited.bytes.load(std::memory_order_relaxed);
      line.liveObjects = site.liveObjects;
      line.liveBytes = site.liveBytes;
      if (site.firstType)
        line.type =
            TypeTable::nameOf(rt.types[site.firstType].descriptor.pretty);
    }
    rt.threads.forEach([&](ThreadRecord *thread) {
      for (std::uint32_t id = 0; id < n; ++id) {
        SiteCounter &counter = thread->cache->siteCounters[id];
        lines[id].objects += counter.objects.load(std::memory_order_relaxed);
        lines[id].bytes += counter.bytes.load(std::memory_order_relaxed);
      }
    });
  }
  std::erase_if(lines, [](const SiteLine &l) {
    return l.objects == 0 && l.liveObjects == 0;
  });
  std::sort(lines.begin(), lines.end(),
            [](const SiteLine &a, const SiteLine &b) {
              return a.bytes != b.bytes ? a.bytes > b.bytes : a.site < b.site;
            });

  if (format == report_format::json) {
    std::fprintf(
        out,
        "{\"cycles\":%llu,\"live_bytes\":%zu,\"heap_bytes\":%zu,\"sites\":[",
        static_cast<unsigned long long>(cycles), liveBytes, heapBytes);
    bool first = true;
    for (const SiteLine &l : lines) {
      std::fprintf(out,
                   "%s\n{\"file\":%s,\"line\":%u,\"column\":%u,\"function\":%s,"
                   "\"type\":%s,\"objects\":%llu,\"bytes\":%llu,"
                   "\"live_objects\":%llu,\"live_bytes\":%llu}",
                   first ? "" : ",", jsonString(l.site->file).c_str(),
                   l.site->line, l.site->column,
                   jsonString(l.site->function).c_str(),
                   jsonString(l.type.c_str()).c_str(),
                   static_cast<unsigned long long>(l.objects),
                   static_cast<unsigned long long>(l.bytes),
                   static_cast<unsigned long long>(l.liveObjects),
                   static_cast<unsigned long long>(l.liveBytes));
      first = false;
    }
    std::fprintf(out, "\n]}\n");
  } else {
    std::fprintf(out,
                 "gc: allocation sites after %llu cycles (live %.1f MiB, heap "
                 "%.1f MiB)\n%14s %14s %11s %14s  site\n",
                 static_cast<unsigned long long>(cycles), liveBytes / 1048576.0,
                 heapBytes / 1048576.0, "objects", "bytes", "live objs",
                 "live bytes");
    for (const SiteLine &l : lines)
      std::fprintf(out, "%14llu %14llu %11llu %14llu  %s:%u:%u in %s [%s]\n",
                   static_cast<unsigned long long>(l.objects),
                   static_cast<unsigned long long>(l.bytes),
                   static_cast<unsigned long long>(l.liveObjects),
                   static_cast<unsigned long long>(l.liveBytes), l.site->file,
                   l.site->line, l.site->column, l.site->function,
                   l.type.c_str());
  }
  std::fflush(out);
}

} // namespace gc::rt
