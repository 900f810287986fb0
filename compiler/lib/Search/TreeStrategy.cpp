// Branch and bound and exhaustive enumeration as ask/tell strategies: rounds of subtree tasks
// with work budgets, pruned against the incumbent of the round's start.
#include "Anneal.h"
#include "Strategies.h"

#include <algorithm>
#include <deque>

namespace tessel::search {

namespace {

constexpr size_t kTasksPerRound = 16;
constexpr size_t kSplitUnits = 64;
constexpr int64_t kWorkPerTask = 20000;
/// The primal heuristic: annealing chains and their evaluations, for problems of at least
/// kSeedMacs MACs (small mapspaces are searched faster without).
constexpr int kSeedChains = 8;
constexpr int64_t kSeedSteps = 6000;
constexpr int64_t kSeedMacs = 4096;

Explorer &explorerOf(Worker &worker, const Mapspace &space, const TreeSettings &settings) {
  return worker.local<Explorer>(
      [&] { return new Explorer(space, worker.model(), settings); });
}

/// Splits the root breadth first into at least kSplitUnits subtrees (fewer if the tree is
/// smaller), sorted by bound.
class SplitTask : public Task {
public:
  SplitTask(const Mapspace &space, const TreeSettings &settings)
      : space(space), settings(settings) {}
  void run(Worker &worker) override {
    Explorer &explorer = explorerOf(worker, space, settings);
    std::deque<Unit> queue{Unit{}};
    Best none;
    while (!queue.empty() && queue.size() + units.size() < kSplitUnits) {
      Unit unit = std::move(queue.front());
      queue.pop_front();
      if (static_cast<int>(unit.path.size()) >= explorer.staticDepth()) {
        units.push_back(std::move(unit));
        continue;
      }
      std::vector<Unit> children; // none: a node without valid children is dropped
      explorer.expand(unit, none, children, stats);
      queue.insert(queue.end(), children.begin(), children.end());
    }
    units.insert(units.end(), queue.begin(), queue.end());
    std::stable_sort(units.begin(), units.end(), [](const Unit &a, const Unit &b) {
      return compare(a.bound, b.bound) < 0;
    });
  }

  const Mapspace &space;
  TreeSettings settings;
  std::vector<Unit> units;
  TreeStats stats;
};

class SubtreeTask : public Task {
public:
  SubtreeTask(const Mapspace &space, const TreeSettings &settings, Unit unit, Best incumbent)
      : space(space), settings(settings), unit(std::move(unit)), incumbent(std::move(incumbent)) {}
  void run(Worker &worker) override {
    explorerOf(worker, space, settings).explore(unit, incumbent, kWorkPerTask, best, rest, stats);
  }

  const Mapspace &space;
  TreeSettings settings;
  Unit unit;
  Best incumbent, best;
  std::vector<Unit> rest;
  TreeStats stats;
};

class TreeStrategy : public Strategy {
public:
  TreeStrategy(const Mapspace &space, const SearchOptions &options, bool useBounds)
      : space(space), options(options) {
    settings.objective = options.objective;
    settings.limits = options.limits;
    settings.useBounds = useBounds;
    stats.overCapacity.assign(space.numLevels(), 0);
  }

  std::vector<std::unique_ptr<Task>> ask() override {
    std::vector<std::unique_ptr<Task>> tasks;
    if (!started) {
      started = true;
      tasks.push_back(std::make_unique<SplitTask>(space, settings));
      if (!options.warmStarts.empty())
        tasks.push_back(std::make_unique<PointsTask>(space, options, warmPoints(space, options)));
      // Under an evaluation budget the chains take at most half of it.
      int64_t seedSteps = kSeedSteps;
      if (options.maxEvaluations > 0)
        seedSteps = std::clamp<int64_t>(options.maxEvaluations / (2 * kSeedChains), 1, kSeedSteps);
      if (settings.useBounds && space.problem().macs() >= kSeedMacs)
        for (int c = 0; c < kSeedChains; ++c) {
          Chain chain(streamSeed(options.seed, 1000 + static_cast<uint64_t>(c)));
          chain.steps = seedSteps;
          tasks.push_back(std::make_unique<ChainTask>(space, options, std::move(chain), seedSteps));
        }
      return tasks;
    }
    if (options.maxEvaluations > 0 && stats.evaluations >= options.maxEvaluations) {
      budgetSpent = !open.empty();
      return tasks;
    }
    // The incumbent without its report (tasks only compare scores and keys).
    Best snapshot;
    snapshot.found = best.found;
    snapshot.score = best.score;
    snapshot.key = best.key;
    while (tasks.size() < kTasksPerRound && !open.empty()) {
      Unit unit = std::move(open.front());
      open.pop_front();
      if (settings.useBounds && best.found && boundExceeds(unit.bound, best.score)) {
        ++stats.pruned;
        continue;
      }
      tasks.push_back(std::make_unique<SubtreeTask>(space, settings, std::move(unit), snapshot));
    }
    return tasks;
  }

  void tell(std::vector<std::unique_ptr<Task>> done) override {
    std::vector<Unit> front;
    for (std::unique_ptr<Task> &task : done) {
      if (auto *split = dynamic_cast<SplitTask *>(task.get())) {
        stats.add(split->stats);
        open.assign(split->units.begin(), split->units.end());
        continue;
      }
      if (auto *seed = dynamic_cast<ChainTask *>(task.get())) {
        merge(seed->best, seed->stats);
        continue;
      }
      if (auto *warm = dynamic_cast<PointsTask *>(task.get())) {
        merge(warm->best, warm->stats);
        continue;
      }
      auto *sub = static_cast<SubtreeTask *>(task.get());
      stats.add(sub->stats);
      if (sub->best.found && best.improvedBy(sub->best.score, sub->best.key))
        best = std::move(sub->best);
      front.insert(front.end(), std::make_move_iterator(sub->rest.begin()),
                   std::make_move_iterator(sub->rest.end()));
    }
    open.insert(open.begin(), std::make_move_iterator(front.begin()),
                std::make_move_iterator(front.end()));
  }

  int64_t evaluations() const override { return stats.evaluations; }

  void merge(Best &found, const TreeStats &counts) {
    stats.add(counts);
    if (found.found && best.improvedBy(found.score, found.key))
      best = std::move(found);
  }

  void finish(SearchResult &result, bool stopped) override {
    stopped = stopped || budgetSpent || (!open.empty());
    fillTreeResult(result, best, stats, stopped);
    Certificate &cert = result.certificate;
    if (!best.found)
      return;
    if (!stopped) {
      cert.lowerBound = best.score.value[0];
      cert.gapPercent = 0.0;
      return;
    }
    if (!settings.useBounds)
      return;
    double lower = best.score.value[0];
    for (const Unit &u : open)
      if (u.bound.size > 0)
        lower = std::min(lower, u.bound.value[0]);
    cert.lowerBound = lower;
    cert.gapPercent = best.score.value[0] > 0
                          ? 100.0 * (best.score.value[0] - lower) / best.score.value[0]
                          : 0.0;
  }

private:
  const Mapspace &space;
  SearchOptions options;
  TreeSettings settings;
  std::deque<Unit> open;
  Best best;
  TreeStats stats;
  bool started = false, budgetSpent = false;
};

} // namespace

void fillTreeResult(SearchResult &result, const Best &best, const TreeStats &stats,
                    bool stopped) {
  Certificate &cert = result.certificate;
  cert.nodes = stats.nodes;
  cert.pruned = stats.pruned;
  cert.leaves = stats.leaves;
  cert.evaluations = stats.evaluations;
  cert.overCapacity = stats.overCapacity;
  cert.noSpatialSplit = stats.noSpatialSplit;
  cert.noOrder = stats.noOrder;
  cert.overLimits = stats.overLimits;
  cert.invalid = stats.invalid;
  cert.depthNodes = stats.depthNodes;
  cert.depthKept = stats.depthKept;
  result.found = best.found;
  if (best.found) {
    result.point = best.point;
    result.report = best.report;
    result.score = best.score;
    cert.best = best.score.value[0];
  }
  result.status = stopped ? SearchStatus::Stopped
                          : (best.found ? SearchStatus::Optimal : SearchStatus::NoValidMapping);
}

std::unique_ptr<Strategy> makeTreeStrategy(const Mapspace &space, const SearchOptions &options,
                                           bool useBounds) {
  return std::make_unique<TreeStrategy>(space, options, useBounds);
}

} // namespace tessel::search
