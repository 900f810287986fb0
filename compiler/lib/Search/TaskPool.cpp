// Persistent worker threads for the batches of tasks of drive().
#include "TaskPool.h"

#include <chrono>

namespace tessel::search {

namespace {

using Clock = std::chrono::steady_clock;

/// How long a waiting thread stays awake (yielding its CPU to anything runnable) before it
/// sleeps on the atomic.
constexpr std::chrono::milliseconds kAwake{100};

/// Waits until `value` differs from `old` and returns the new value.
template <typename T> T awaitChange(const std::atomic<T> &value, T old) {
  auto start = Clock::now();
  for (unsigned i = 1;; ++i) {
    T v = value.load(std::memory_order_acquire);
    if (v != old)
      return v;
    if (i % 16 == 0 && Clock::now() - start > kAwake)
      break;
    std::this_thread::yield();
  }
  while (true) {
    value.wait(old, std::memory_order_acquire);
    T v = value.load(std::memory_order_acquire);
    if (v != old)
      return v;
  }
}

} // namespace

TaskPool::TaskPool(std::vector<Worker> &workers) : workers(workers) {
  for (size_t w = 1; w < workers.size(); ++w)
    helpers.emplace_back([this, w] { helperLoop(w); });
}

TaskPool::~TaskPool() {
  stopping.store(true);
  generation.fetch_add(1, std::memory_order_release);
  generation.notify_all();
  for (std::thread &t : helpers)
    t.join();
}

void TaskPool::helperLoop(size_t w) {
  uint64_t seen = 0;
  while (true) {
    seen = awaitChange(generation, seen);
    if (stopping.load())
      return;
    work(workers[w]);
    if (busy.fetch_sub(1, std::memory_order_acq_rel) == 1)
      busy.notify_one();
  }
}

void TaskPool::work(Worker &worker) {
  std::vector<std::unique_ptr<Task>> &tasks = *batch;
  for (size_t i; !failed.load() && (i = next.fetch_add(1)) < tasks.size();) {
    try {
      tasks[i]->run(worker);
    } catch (...) {
      std::lock_guard<std::mutex> lock(failureMutex);
      if (!failed.exchange(true))
        failure = std::current_exception();
    }
  }
}

void TaskPool::run(std::vector<std::unique_ptr<Task>> &tasks) {
  failed.store(false);
  failure = nullptr;
  batch = &tasks;
  next.store(0);
  if (!helpers.empty() && tasks.size() > 1) {
    busy.store(helpers.size(), std::memory_order_relaxed);
    generation.fetch_add(1, std::memory_order_release);
    generation.notify_all();
    work(workers[0]);
    for (size_t b; (b = busy.load(std::memory_order_acquire)) != 0;)
      awaitChange(busy, b);
  } else {
    work(workers[0]);
  }
  batch = nullptr;
  if (failure)
    std::rethrow_exception(failure);
}

} // namespace tessel::search
