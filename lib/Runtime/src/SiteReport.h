//===- SiteReport.h - Printing the per-site allocation report ---*- C++ -*-===//

#ifndef GC_RT_SITEREPORT_H
#define GC_RT_SITEREPORT_H

#include "gc/control.h"

#include <cstdio>

namespace gc::rt {

struct Runtime;

void writeSiteReport(Runtime &rt, std::FILE *out, report_format format);

} // namespace gc::rt

#endif // GC_RT_SITEREPORT_H
