//===- WorkerPool.cpp - Work items in child processes ---------------------===//
//
// The calling process forks one "spawner" at once; the spawner forks Jobs
// workers, which take the items in order from a counter they share, one at a
// time, and report each item's end through a pipe as a fixed-size record
// (atomic below PIPE_BUF). A worker that dies is replaced, and its item is
// reported by the spawner. The caller reads the pipe and handles each item
// as it ends.
//
//===----------------------------------------------------------------------===//

#include "WorkerPool.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <map>
#include <type_traits>
#include <vector>

#if defined(__unix__) || defined(__APPLE__)
#include <sys/mman.h>
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

/// Moves all Size bytes with IO (::read or ::write), which may move fewer
/// or be interrupted; false at the end of the pipe or on an error.
template <class Bytes, class IOFn>
bool transferAll(IOFn IO, int Fd, Bytes *Data, size_t Size) {
  auto *P = reinterpret_cast<std::conditional_t<std::is_const_v<Bytes>,
                                                const char, char> *>(Data);
  while (Size) {
    ssize_t N = IO(Fd, P, Size);
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return false;
    P += N;
    Size -= size_t(N);
  }
  return true;
}

bool writeAll(int Fd, const void *Data, size_t Size) {
  return transferAll(::write, Fd, Data, Size);
}

bool readAll(int Fd, void *Data, size_t Size) {
  return transferAll(::read, Fd, Data, Size);
}

/// What the workers share: the next item to take, and the item each one is
/// on (NoItem between items), so that the spawner can name the item of a
/// worker that died.
struct SharedState {
  std::atomic<uint64_t> Next{0};
  std::atomic<uint64_t> *Current; // Jobs of them, after this struct
};
constexpr uint64_t NoItem = ~uint64_t(0);

[[noreturn]] void runWorker(SharedState &State, unsigned Slot, size_t Count,
                            int ReportFd, llvm::function_ref<int(size_t)> Work) {
  while (true) {
    uint64_t I = State.Next.fetch_add(1);
    if (I >= Count)
      break;
    State.Current[Slot].store(I);
    int Code = Work(size_t(I));
    // The record first: a worker that dies after it is reported twice (the
    // caller drops the second), never not at all.
    EndRecord R{I, (Code & 0xff) << 8, 0};
    if (!writeAll(ReportFd, &R, sizeof R))
      _exit(1);
    State.Current[Slot].store(NoItem);
  }
  // Skip every destructor and atexit handler: the child's memory dies with
  // it, and buffered output inherited from the caller is not its to flush.
  _exit(0);
}

[[noreturn]] void runSpawner(SharedState &State, size_t Count, unsigned Jobs,
                             int ReportFd, pid_t Caller,
                             llvm::function_ref<int(size_t)> Work) {
  dieWithParent(Caller);
  // With SIGCHLD ignored (some launchers do) the kernel reaps the workers
  // itself and a crash could not be told: wait for them as usual.
  signal(SIGCHLD, SIG_DFL);
  pid_t Self = getpid();
  std::map<pid_t, unsigned> Running; // worker -> slot
  auto Start = [&](unsigned Slot) {
    State.Current[Slot].store(NoItem);
    pid_t Pid = fork();
    if (Pid == 0) {
      dieWithParent(Self);
      runWorker(State, Slot, Count, ReportFd, Work);
    }
    if (Pid > 0) {
      Running[Pid] = Slot;
      return true;
    }
    return false;
  };
  for (unsigned Slot = 0; Slot < Jobs; ++Slot)
    if (!Start(Slot) && Running.empty()) {
      // Not even one worker: every item fails with the reason.
      int Errno = errno;
      for (uint64_t I = State.Next.exchange(Count); I < Count; ++I) {
        EndRecord R{I, 0, Errno ? Errno : EAGAIN};
        if (!writeAll(ReportFd, &R, sizeof R))
          _exit(1);
      }
      _exit(0);
    }
  while (!Running.empty()) {
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
    unsigned Slot = It->second;
    Running.erase(It);
    uint64_t Item = State.Current[Slot].load();
    if (Item == NoItem)
      continue; // out of items, or died between two
    // The worker died on Item: report it, and let a new worker go on with
    // the items after it.
    EndRecord R{Item, Status == 0 ? (1 << 8) : Status, 0};
    if (!writeAll(ReportFd, &R, sizeof R))
      _exit(1);
    if (State.Next.load() < Count && !Start(Slot) && Running.empty()) {
      int Errno = errno;
      for (uint64_t I = State.Next.exchange(Count); I < Count; ++I) {
        EndRecord F{I, 0, Errno ? Errno : EAGAIN};
        if (!writeAll(ReportFd, &F, sizeof F))
          _exit(1);
      }
    }
  }
  _exit(0);
}

} // namespace

bool workerProcessesAvailable() { return true; }

bool runInWorkerProcesses(
    size_t Count, unsigned Jobs, llvm::function_ref<int(size_t)> Work,
    llvm::function_ref<void(size_t, const WorkerStatus &)> Done) {
  // No more workers than items, and at least one.
  Jobs = unsigned(std::max<size_t>(1, std::min<size_t>(Jobs, Count)));
  size_t SharedSize =
      sizeof(SharedState) + sizeof(std::atomic<uint64_t>) * Jobs;
  void *Mem = mmap(nullptr, SharedSize, PROT_READ | PROT_WRITE,
                   MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (Mem == MAP_FAILED)
    return false;
  // The same mapping, at the same address, in every child.
  auto *State = new (Mem) SharedState();
  State->Current = reinterpret_cast<std::atomic<uint64_t> *>(State + 1);
  for (unsigned Slot = 0; Slot < Jobs; ++Slot)
    new (&State->Current[Slot]) std::atomic<uint64_t>(NoItem);
  int Fds[2];
  if (pipe(Fds) != 0) {
    munmap(Mem, SharedSize);
    return false;
  }
  pid_t Caller = getpid();
  pid_t Spawner = fork();
  if (Spawner < 0) {
    close(Fds[0]);
    close(Fds[1]);
    munmap(Mem, SharedSize);
    return false;
  }
  if (Spawner == 0) {
    close(Fds[0]);
    runSpawner(*State, Count, Jobs, Fds[1], Caller, Work);
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
  munmap(Mem, SharedSize);
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
