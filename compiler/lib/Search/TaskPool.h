// Internal: persistent worker threads that run the batches of tasks a strategy asks for.
#ifndef TESSEL_SEARCH_LIB_TASKPOOL_H
#define TESSEL_SEARCH_LIB_TASKPOOL_H

#include "tessel/Search/Searcher.h"

#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

namespace tessel::search {

/// One thread per worker, started once per search: the calling thread runs with workers[0],
/// helper threads with the others. Between batches the helpers wait briefly awake (a round
/// ends and the next starts within microseconds to milliseconds), then sleep; threads that
/// stay on their CPU between rounds avoid the scheduler stacking a freshly started thread on
/// a busy CPU for the whole of a short round.
class TaskPool {
public:
  explicit TaskPool(std::vector<Worker> &workers);
  ~TaskPool();
  TaskPool(const TaskPool &) = delete;
  TaskPool &operator=(const TaskPool &) = delete;

  /// Runs every task of `tasks` on some worker. When a task throws, no further task starts and
  /// the first exception is rethrown once the running tasks have returned.
  void run(std::vector<std::unique_ptr<Task>> &tasks);

private:
  void helperLoop(size_t w);
  /// Runs tasks of the current batch on `worker` until none is left.
  void work(Worker &worker);

  std::vector<Worker> &workers;
  std::vector<std::thread> helpers;
  std::vector<std::unique_ptr<Task>> *batch = nullptr;
  /// Incremented for every batch (and to stop): what the helpers wait on.
  std::atomic<uint64_t> generation{0};
  std::atomic<size_t> next{0};
  /// Helpers still working on the current batch.
  std::atomic<size_t> busy{0};
  std::atomic<bool> failed{false}, stopping{false};
  std::exception_ptr failure;
  std::mutex failureMutex;
};

} // namespace tessel::search

#endif // TESSEL_SEARCH_LIB_TASKPOOL_H
