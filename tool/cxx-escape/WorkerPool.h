//===- WorkerPool.h - Work items in child processes ------------*- C++ -*-===//
//
// Lowering a unit needs its whole AST; the program graph grows while units
// are lowered. In one process the two add up (twice the AST at -j2), so the
// units are lowered in Jobs child processes, one unit at a time each, and
// only their graphs come back. A child goes on to the next unit rather than
// ending: a fresh process per unit would pay again for every page of memory
// it touches (a quarter more CPU time, measured). The children are forked
// from a small process forked first, before the caller's memory grows: a
// child forked later would share (and count in its resident size)
// everything the caller holds by then. A child that crashes takes only the
// unit it was on with it; a new one goes on with the rest.
//
//===----------------------------------------------------------------------===//
#ifndef CXXESCAPE_TOOL_WORKERPOOL_H
#define CXXESCAPE_TOOL_WORKERPOOL_H

#include "llvm/ADT/STLFunctionalExtras.h"

#include <cstddef>
#include <string>

namespace cxxescape::driver {

/// How a child ended.
struct WorkerStatus {
  bool Exited = false; // normally, with Code
  int Code = 0;
  int Signal = 0; // killed by this signal
  /// Set when no child could be run for the item; says why.
  std::string Error;
  bool succeeded() const { return Exited && Code == 0 && Error.empty(); }
  /// "exited with status 3", "killed by signal 11 (Segmentation fault)".
  std::string describe() const;
};

/// True where work can run in child processes (POSIX fork).
bool workerProcessesAvailable();

/// Runs Work(I) for every I below Count in Jobs child processes, each item
/// once, started in order; a child runs several items in turn. Work's return value is the child's exit code; its
/// results go wherever Work writes them (files: a child's memory is its
/// own). Done(I, Status) runs in the calling process, in completion order,
/// while later items still run. The calling process must not have other
/// threads running. Returns false, having run nothing, if no child process
/// can be started at all.
bool runInWorkerProcesses(size_t Count, unsigned Jobs,
                          llvm::function_ref<int(size_t)> Work,
                          llvm::function_ref<void(size_t, const WorkerStatus &)>
                              Done);

} // namespace cxxescape::driver

#endif
