// Internal: simulated-annealing chains as tasks, shared by the anneal strategy and by branch
// and bound, which anneals briefly to start with a good incumbent.
#ifndef TESSEL_SEARCH_LIB_ANNEAL_H
#define TESSEL_SEARCH_LIB_ANNEAL_H

#include "Sample.h"
#include "Tree.h"
#include "tessel/Search/Searcher.h"

namespace tessel::search {

/// One annealing chain: its generator, current point and step count persist across tasks.
struct Chain {
  explicit Chain(uint64_t seed) : rng(seed) {}
  Rng rng;
  bool started = false, dead = false;
  /// `current` holds a warm start to try before random points.
  bool warm = false;
  int attempts = 0;
  Point current;
  Score score;
  /// Steps taken, and the length of one cooling schedule.
  int64_t step = 0, steps = 0;
};

/// Advances a chain by `count` evaluations (starting it from random points first), keeping
/// the best valid point seen. `options` must outlive the task.
class ChainTask : public Task {
public:
  ChainTask(const Mapspace &space, const SearchOptions &options, Chain chain, int64_t count);
  void run(Worker &worker) override;

  const Mapspace &space;
  const SearchOptions &options;
  Chain chain;
  int64_t count;
  Best best;
  TreeStats stats;
};

/// Evaluates given points (warm starts), keeping the best valid one.
class PointsTask : public Task {
public:
  PointsTask(const Mapspace &space, const SearchOptions &options, std::vector<Point> points)
      : space(space), options(options), points(std::move(points)) {}
  void run(Worker &worker) override;

  const Mapspace &space;
  const SearchOptions &options;
  std::vector<Point> points;
  Best best;
  TreeStats stats;
};

/// The warm starts of `options` that convert to points of `space`.
std::vector<Point> warmPoints(const Mapspace &space, const SearchOptions &options);

} // namespace tessel::search

#endif // TESSEL_SEARCH_LIB_ANNEAL_H
