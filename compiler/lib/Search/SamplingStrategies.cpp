// Random sampling and simulated annealing as ask/tell strategies with evaluation budgets.
#include "Anneal.h"
#include "Strategies.h"

#include <algorithm>
#include <cmath>

namespace tessel::search {

using namespace cost;

namespace {

constexpr size_t kTasksPerRound = 16;
constexpr int64_t kSamplesPerTask = 500;
constexpr int kChains = 8;
constexpr int64_t kStepsPerTask = 250;
constexpr int kStartAttempts = 1000;
constexpr int64_t kTimedSchedule = 20000;

/// Evaluates a complete point; false (counted in `stats`) when it is invalid, breaks the
/// constraints or the limits.
bool evaluatePoint(const Mapspace &space, const CostModel &model, const SearchOptions &options,
                   const Point &point, CostReport &report, Score &score, TreeStats &stats) {
  ++stats.leaves;
  if (!space.meetsOrderConstraints(point)) {
    ++stats.noOrder;
    return false;
  }
  evaluateOrThrow(model, space.toMapping(point), report);
  ++stats.evaluations;
  if (!report.valid) {
    ++stats.invalid;
    return false;
  }
  if (!meetsLimits(options.limits, report, space.arch().computeUnits())) {
    ++stats.overLimits;
    return false;
  }
  score = scoreOf(options.objective, report);
  return true;
}

void offer(Best &best, const Point &point, const Score &score, const CostReport &report) {
  std::vector<int64_t> key = pointKey(point);
  if (!best.improvedBy(score, key))
    return;
  best.found = true;
  best.score = score;
  best.key = std::move(key);
  best.point = point;
  best.report = report;
}

void finishSampling(SearchResult &result, const Best &best, const TreeStats &stats) {
  fillTreeResult(result, best, stats, false);
  result.status = best.found ? SearchStatus::Finished : SearchStatus::NoValidMapping;
}

class SampleTask : public Task {
public:
  SampleTask(const Mapspace &space, const SearchOptions &options, uint64_t seed, int64_t count)
      : space(space), options(options), seed(seed), count(count) {}
  void run(Worker &worker) override {
    Rng rng(seed);
    Point point;
    CostReport report;
    Score score;
    for (int64_t i = 0; i < count; ++i) {
      samplePoint(space, rng, point);
      if (evaluatePoint(space, worker.model(), options, point, report, score, stats))
        offer(best, point, score, report);
    }
  }

  const Mapspace &space;
  const SearchOptions &options;
  uint64_t seed;
  int64_t count;
  Best best;
  TreeStats stats;
};

class RandomStrategy : public Strategy {
public:
  RandomStrategy(const Mapspace &space, const SearchOptions &options)
      : space(space), options(options), budget(samplingBudget(options)) {}
  std::vector<std::unique_ptr<Task>> ask() override {
    std::vector<std::unique_ptr<Task>> tasks;
    if (issued == 0 && !options.warmStarts.empty()) {
      std::vector<Point> warm = warmPoints(space, options);
      issued += static_cast<int64_t>(warm.size());
      tasks.push_back(std::make_unique<PointsTask>(space, options, std::move(warm)));
    }
    while (tasks.size() < kTasksPerRound && issued < budget) {
      int64_t n = std::min(kSamplesPerTask, budget - issued);
      tasks.push_back(std::make_unique<SampleTask>(space, options,
                                                   streamSeed(options.seed, next++), n));
      issued += n;
    }
    return tasks;
  }
  void tell(std::vector<std::unique_ptr<Task>> done) override {
    for (std::unique_ptr<Task> &task : done) {
      if (auto *w = dynamic_cast<PointsTask *>(task.get()))
        merge(w->best, w->stats);
      else
        merge(static_cast<SampleTask *>(task.get())->best,
              static_cast<SampleTask *>(task.get())->stats);
    }
  }
  void merge(Best &found, const TreeStats &counts) {
    stats.add(counts);
    if (found.found && best.improvedBy(found.score, found.key))
      best = std::move(found);
  }
  int64_t evaluations() const override { return stats.evaluations; }
  void finish(SearchResult &result, bool) override { finishSampling(result, best, stats); }

private:
  const Mapspace &space;
  SearchOptions options;
  int64_t budget, issued = 0;
  uint64_t next = 0;
  Best best;
  TreeStats stats;
};

} // namespace

ChainTask::ChainTask(const Mapspace &space, const SearchOptions &options, Chain chain,
                     int64_t count)
    : space(space), options(options), chain(std::move(chain)), count(count) {}

void PointsTask::run(Worker &worker) {
  CostReport report;
  Score score;
  for (const Point &p : points)
    if (evaluatePoint(space, worker.model(), options, p, report, score, stats))
      offer(best, p, score, report);
}

std::vector<Point> warmPoints(const Mapspace &space, const SearchOptions &options) {
  std::vector<Point> points;
  for (const Mapping &m : options.warmStarts)
    if (std::optional<Point> p = space.pointOf(m))
      points.push_back(std::move(*p));
  return points;
}

void ChainTask::run(Worker &worker) {
  const CostModel &model = worker.model();
  CostReport report;
  Score score;
  if (chain.warm && !chain.started && count > 0) {
    chain.warm = false;
    --count;
    if (evaluatePoint(space, model, options, chain.current, report, chain.score, stats)) {
      offer(best, chain.current, chain.score, report);
      chain.started = true;
    }
  }
  while (!chain.started && count > 0 && chain.attempts < kStartAttempts) {
    samplePoint(space, chain.rng, chain.current);
    --count;
    ++chain.attempts;
    if (evaluatePoint(space, model, options, chain.current, report, chain.score, stats)) {
      offer(best, chain.current, chain.score, report);
      chain.started = true;
    }
  }
  if (!chain.started) {
    chain.dead = chain.attempts >= kStartAttempts;
    return;
  }
  Point candidate;
  // Geometric cooling from kHot to kCold over the chain's steps, on the log of the score.
  constexpr double kHot = 0.3, kCold = 1e-3;
  for (; count > 0 && !chain.dead; --count) {
    double progress = static_cast<double>(chain.step % chain.steps) / chain.steps;
    double temperature = kHot * std::pow(kCold / kHot, progress);
    ++chain.step;
    if (!neighbour(space, chain.rng, chain.current, candidate))
      continue;
    if (!evaluatePoint(space, model, options, candidate, report, score, stats))
      continue;
    offer(best, candidate, score, report);
    double a = score.value[0], b = chain.score.value[0];
    double delta = a > 0 && b > 0 ? std::log(a / b) : a - b;
    bool accept = delta < 0 || (delta == 0 && compare(score, chain.score) <= 0) ||
                  chain.rng.unit() < std::exp(-delta / temperature);
    if (accept) {
      chain.current = candidate;
      chain.score = score;
    }
  }
}

namespace {

class AnnealStrategy : public Strategy {
public:
  AnnealStrategy(const Mapspace &space, const SearchOptions &options)
      : space(space), options(options) {
    int64_t budget = samplingBudget(options);
    std::vector<Point> warm = warmPoints(space, options);
    for (int c = 0; c < kChains; ++c) {
      chains.emplace_back(streamSeed(options.seed, static_cast<uint64_t>(c)));
      if (!warm.empty()) {
        chains.back().current = warm[c % warm.size()];
        chains.back().warm = true;
      }
      int64_t share = budget / kChains + (c < budget % kChains ? 1 : 0);
      left.push_back(share);
      // Under a time budget alone, cool over kTimedSchedule steps and start again.
      chains.back().steps = std::max<int64_t>(
          1, options.maxEvaluations > 0 || options.maxSeconds <= 0 ? share : kTimedSchedule);
    }
  }
  std::vector<std::unique_ptr<Task>> ask() override {
    std::vector<std::unique_ptr<Task>> tasks;
    order.clear();
    for (int c = 0; c < kChains; ++c) {
      if (left[c] <= 0 || chains[c].dead)
        continue;
      int64_t n = std::min(kStepsPerTask, left[c]);
      left[c] -= n;
      tasks.push_back(std::make_unique<ChainTask>(space, options, chains[c], n));
      order.push_back(c);
    }
    return tasks;
  }
  void tell(std::vector<std::unique_ptr<Task>> done) override {
    for (size_t i = 0; i < done.size(); ++i) {
      auto *t = static_cast<ChainTask *>(done[i].get());
      chains[order[i]] = std::move(t->chain);
      stats.add(t->stats);
      if (t->best.found && best.improvedBy(t->best.score, t->best.key))
        best = std::move(t->best);
    }
  }
  int64_t evaluations() const override { return stats.evaluations; }
  void finish(SearchResult &result, bool) override { finishSampling(result, best, stats); }

private:
  const Mapspace &space;
  SearchOptions options;
  std::vector<Chain> chains;
  std::vector<int64_t> left;
  std::vector<int> order;
  Best best;
  TreeStats stats;
};

} // namespace

int64_t samplingBudget(const SearchOptions &options) {
  if (options.maxEvaluations > 0)
    return options.maxEvaluations;
  // Only a time budget: enough evaluations never to end first.
  return options.maxSeconds > 0 ? INT64_MAX / 4 : SearchOptions::kDefaultEvaluations;
}

std::unique_ptr<Strategy> makeRandomStrategy(const Mapspace &space, const SearchOptions &options) {
  return std::make_unique<RandomStrategy>(space, options);
}

std::unique_ptr<Strategy> makeAnnealStrategy(const Mapspace &space, const SearchOptions &options) {
  return std::make_unique<AnnealStrategy>(space, options);
}

} // namespace tessel::search
