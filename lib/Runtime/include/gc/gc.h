//===- gc/gc.h - The cxx-escape garbage-collected heap ----------*- C++ -*-===//
//
// The whole public API. See docs/gc-runtime.md.
//
//===----------------------------------------------------------------------===//

#ifndef GC_GC_H
#define GC_GC_H

#include "gc/control.h"
#include "gc/make.h"
#include "gc/member.h"
#include "gc/root.h"
#include "gc/threads.h"
#include "gc/trace.h"

#endif // GC_GC_H
