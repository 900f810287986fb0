// The ask/tell interface every search strategy implements, and the driver that runs the tasks
// a strategy asks for on worker threads.
//
// A strategy hands out a batch of independent tasks (ask); the driver runs them on any threads
// and gives them back in the same order (tell). A task is a pure function of its own data and
// the worker's cost model, and a batch does not depend on the thread count, so the search's
// result depends only on its options and seed.
#ifndef TESSEL_SEARCH_SEARCHER_H
#define TESSEL_SEARCH_SEARCHER_H

#include "tessel/Search/Search.h"
#include "tessel/cost/CostModel.h"

#include <memory>
#include <stdexcept>
#include <vector>

namespace tessel::search {

/// Per-thread resources: a cost model, and a slot for a strategy's thread-local state (caches
/// and scratch storage that never change a task's result).
class Worker {
public:
  explicit Worker(std::unique_ptr<cost::CostModel> model) : costModel(std::move(model)) {}
  const cost::CostModel &model() const { return *costModel; }

  /// The thread-local state of type T, made by `make()` on first use.
  template <typename T, typename Make> T &local(Make make) {
    if (!slot)
      slot = std::shared_ptr<T>(make());
    return *static_cast<T *>(slot.get());
  }

private:
  std::unique_ptr<cost::CostModel> costModel;
  std::shared_ptr<void> slot;
};

/// What a task throws when the cost model itself fails (CostModel::evaluateOrError returned an
/// error, e.g. an exec: program that crashed or timed out), as opposed to rejecting a mapping:
/// drive() stops handing out tasks and rethrows it, and search() reports the model's message.
class ModelFailure : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// model.evaluateOrError(): fills `report`, throws ModelFailure when the model fails. (Out of
/// line, so that this header also compiles without exceptions.)
void evaluateOrThrow(const cost::CostModel &model, const cost::Mapping &mapping,
                     cost::CostReport &report);

/// One unit of work.
class Task {
public:
  virtual ~Task() = default;
  virtual void run(Worker &worker) = 0;
};

/// A search strategy in ask/tell form.
class Strategy {
public:
  virtual ~Strategy() = default;
  /// The next batch of tasks; empty when the strategy is done (or its budget is spent).
  virtual std::vector<std::unique_ptr<Task>> ask() = 0;
  /// The tasks of the last ask(), run, in the same order.
  virtual void tell(std::vector<std::unique_ptr<Task>> done) = 0;
  /// Cost-model evaluations reported so far.
  virtual int64_t evaluations() const = 0;
  /// Fills the result: mapping, status, certificate. `stopped`: the driver ended the search on
  /// its time budget.
  virtual void finish(SearchResult &result, bool stopped) = 0;
};

/// The strategy of `options.algorithm` over `space`.
std::unique_ptr<Strategy> makeStrategy(const Mapspace &space, const SearchOptions &options);

/// Runs `strategy` with one thread per worker until it asks for nothing or the time budget of
/// `options` ends; returns whether the time budget stopped it. When a task throws (e.g.
/// ModelFailure), no further task is started and the first exception is rethrown once the
/// running tasks have returned.
bool drive(Strategy &strategy, std::vector<Worker> &workers, const SearchOptions &options);

} // namespace tessel::search

#endif // TESSEL_SEARCH_SEARCHER_H
