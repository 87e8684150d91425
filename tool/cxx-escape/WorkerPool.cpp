//===- WorkerPool.cpp - Work items in child processes ---------------------===//
//
// The calling process forks one "spawner" at once; the spawner forks a
// worker per item, Jobs at a time, and reports each worker's end through a
// pipe as a fixed-size record (atomic below PIPE_BUF). The caller reads the
// pipe and handles each item as it ends.
//
//===----------------------------------------------------------------------===//

#include "WorkerPool.h"

#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <map>
#include <vector>

#if defined(__unix__) || defined(__APPLE__)
#include <sys/wait.h>
#include <unistd.h>
#define CXX_ESCAPE_HAVE_FORK 1
#endif
#ifdef __linux__
#include <sys/prctl.h>
#endif

namespace cxxescape::driver {

std::string WorkerStatus::describe() const {
  if (!Error.empty())
    return Error;
  if (Exited)
    return "exited with status " + std::to_string(Code);
  std::string Name = strsignal(Signal) ? strsignal(Signal) : "";
  return "killed by signal " + std::to_string(Signal) +
         (Name.empty() ? "" : " (" + Name + ")");
}

#ifdef CXX_ESCAPE_HAVE_FORK

namespace {

struct EndRecord {
  uint64_t Item;
  int32_t WaitStatus;
  int32_t ForkErrno; // nonzero: the worker could not be forked
};

/// Dies with its parent, so that nothing outlives an interrupted run.
void dieWithParent(pid_t Parent) {
#ifdef __linux__
  prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
  if (getppid() != Parent)
    _exit(1);
}

bool writeAll(int Fd, const void *Data, size_t Size) {
  const char *P = static_cast<const char *>(Data);
  while (Size) {
    ssize_t N = ::write(Fd, P, Size);
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return false;
    P += N;
    Size -= size_t(N);
  }
  return true;
}

/// Reads Size bytes; false at the end of the pipe or on an error.
bool readAll(int Fd, void *Data, size_t Size) {
  char *P = static_cast<char *>(Data);
  while (Size) {
    ssize_t N = ::read(Fd, P, Size);
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return false;
    P += N;
    Size -= size_t(N);
  }
  return true;
}

[[noreturn]] void runSpawner(size_t Count, unsigned Jobs, int ReportFd,
                             pid_t Caller,
                             llvm::function_ref<int(size_t)> Work) {
  dieWithParent(Caller);
  pid_t Self = getpid();
  std::map<pid_t, size_t> Running;
  size_t Next = 0;
  while (Next < Count || !Running.empty()) {
    while (Next < Count && Running.size() < Jobs) {
      pid_t Pid = fork();
      if (Pid == 0) {
        dieWithParent(Self);
        close(ReportFd);
        // Skip every destructor and atexit handler: the child's memory dies
        // with it, and buffered output inherited from the caller is not its
        // to flush.
        _exit(Work(Next));
      }
      if (Pid < 0) {
        EndRecord R{Next, 0, errno};
        if (!writeAll(ReportFd, &R, sizeof R))
          _exit(1);
      } else {
        Running[Pid] = Next;
      }
      ++Next;
    }
    if (Running.empty())
      continue;
    int Status = 0;
    pid_t Pid = waitpid(-1, &Status, 0);
    if (Pid < 0) {
      if (errno == EINTR)
        continue;
      _exit(1);
    }
    auto It = Running.find(Pid);
    if (It == Running.end())
      continue;
    EndRecord R{It->second, Status, 0};
    Running.erase(It);
    if (!writeAll(ReportFd, &R, sizeof R))
      _exit(1);
  }
  _exit(0);
}

} // namespace

bool workerProcessesAvailable() { return true; }

bool runInWorkerProcesses(
    size_t Count, unsigned Jobs, llvm::function_ref<int(size_t)> Work,
    llvm::function_ref<void(size_t, const WorkerStatus &)> Done) {
  int Fds[2];
  if (pipe(Fds) != 0)
    return false;
  pid_t Caller = getpid();
  pid_t Spawner = fork();
  if (Spawner < 0) {
    close(Fds[0]);
    close(Fds[1]);
    return false;
  }
  if (Spawner == 0) {
    close(Fds[0]);
    runSpawner(Count, Jobs ? Jobs : 1, Fds[1], Caller, Work);
  }
  close(Fds[1]);

  std::vector<bool> Reported(Count, false);
  EndRecord R;
  while (readAll(Fds[0], &R, sizeof R)) {
    if (R.Item >= Count || Reported[R.Item])
      continue;
    Reported[R.Item] = true;
    WorkerStatus S;
    if (R.ForkErrno) {
      S.Error = std::string("cannot start a worker process: ") +
                strerror(R.ForkErrno);
    } else if (WIFEXITED(R.WaitStatus)) {
      S.Exited = true;
      S.Code = WEXITSTATUS(R.WaitStatus);
    } else if (WIFSIGNALED(R.WaitStatus)) {
      S.Signal = WTERMSIG(R.WaitStatus);
    }
    Done(size_t(R.Item), S);
  }
  close(Fds[0]);
  int SpawnerStatus = 0;
  while (waitpid(Spawner, &SpawnerStatus, 0) < 0 && errno == EINTR) {
  }
  // Items the spawner never reported (it died) are not silently lost.
  for (size_t I = 0; I < Count; ++I)
    if (!Reported[I]) {
      WorkerStatus S;
      S.Error = "the worker processes stopped before it was lowered";
      Done(I, S);
    }
  return true;
}

#else

bool workerProcessesAvailable() { return false; }

bool runInWorkerProcesses(
    size_t, unsigned, llvm::function_ref<int(size_t)>,
    llvm::function_ref<void(size_t, const WorkerStatus &)>) {
  return false;
}

#endif

} // namespace cxxescape::driver
