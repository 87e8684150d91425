//===- Finalizers.cpp - Running destructors of unreachable objects --------===//

#include "Finalizers.h"
#include "Runtime.h"

#include "gc/threads.h"

#include <thread>

namespace gc::rt {

void Finalizers::notify() {
  std::unique_lock<std::mutex> guard(lock);
  if (queue.empty())
    return;
  if (!threadStarted) {
    threadStarted = true;
    std::thread([this] { threadMain(); }).detach();
  }
  workAvailable.notify_one();
}

void Finalizers::waitIdle() {
  std::unique_lock<std::mutex> guard(lock);
  idle.wait(guard, [this] { return queue.empty() && !running; });
}

void Finalizers::destroy(std::uintptr_t cell) {
  Runtime &rt = *gRuntime;
  auto *header = reinterpret_cast<detail::object_header *>(cell);
  const TypeRecord &type =
      rt.types[header->type_bits & detail::header_type_mask];
  bool array = header->type_bits & detail::header_array_flag;
  std::size_t count = array ? *reinterpret_cast<std::size_t *>(cell + 8) : 1;
  std::size_t offset =
      array ? detail::array_payload_offset : type.descriptor.payload_offset;
  type.descriptor.destroy(reinterpret_cast<void *>(cell + offset), count);
}

void Finalizers::threadMain() {
  gc::thread_scope registered; // destructors may allocate
  std::unique_lock<std::mutex> guard(lock);
  for (;;) {
    workAvailable.wait(guard, [this] { return !queue.empty(); });
    std::uintptr_t cell;
    queue.pop(cell);
    running = cell;
    guard.unlock();
    destroy(cell);
    guard.lock();
    // Under the lock: the collector reads this flag with the world stopped
    // and this lock held.
    reinterpret_cast<detail::object_header *>(cell)->type_bits |=
        detail::header_no_destroy_flag;
    running = 0;
    gRuntime->statistics.finalizedObjects.fetch_add(1,
                                                    std::memory_order_relaxed);
    if (queue.empty())
      idle.notify_all();
  }
}

} // namespace gc::rt
