// search(): input validation, worker threads running a strategy's tasks, the result.
#include "Strategies.h"
#include "TaskPool.h"

#include <chrono>
#include <cmath>
#include <thread>

namespace tessel::search {

using namespace cost;

std::optional<Algorithm> parseAlgorithm(std::string_view name) {
  if (name == "bnb" || name == "branch-and-bound")
    return Algorithm::BranchAndBound;
  if (name == "exhaustive")
    return Algorithm::Exhaustive;
  if (name == "random")
    return Algorithm::Random;
  if (name == "anneal")
    return Algorithm::Anneal;
  return std::nullopt;
}

const char *algorithmName(Algorithm algorithm) {
  switch (algorithm) {
  case Algorithm::BranchAndBound:
    return "bnb";
  case Algorithm::Exhaustive:
    return "exhaustive";
  case Algorithm::Random:
    return "random";
  case Algorithm::Anneal:
    return "anneal";
  }
  return "?";
}

const char *statusName(SearchStatus status) {
  switch (status) {
  case SearchStatus::Optimal:
    return "optimal";
  case SearchStatus::Stopped:
    return "stopped";
  case SearchStatus::Finished:
    return "finished";
  case SearchStatus::NoValidMapping:
    return "no-valid-mapping";
  }
  return "?";
}

std::unique_ptr<Strategy> makeStrategy(const Mapspace &space, const SearchOptions &options) {
  switch (options.algorithm) {
  case Algorithm::BranchAndBound:
    return makeTreeStrategy(space, options, true);
  case Algorithm::Exhaustive:
    return makeTreeStrategy(space, options, false);
  case Algorithm::Random:
    return makeRandomStrategy(space, options);
  case Algorithm::Anneal:
    return makeAnnealStrategy(space, options);
  }
  return nullptr;
}

void evaluateOrThrow(const CostModel &model, const Mapping &mapping, CostReport &report) {
  std::string failure = model.evaluateOrError(mapping, report);
  if (!failure.empty())
    throw ModelFailure(failure);
}

bool drive(Strategy &strategy, std::vector<Worker> &workers, const SearchOptions &options) {
  using Clock = std::chrono::steady_clock;
  auto start = Clock::now();
  TaskPool pool(workers);
  while (true) {
    double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    if (options.maxSeconds > 0 && elapsed >= options.maxSeconds)
      return true;
    std::vector<std::unique_ptr<Task>> tasks = strategy.ask();
    if (tasks.empty())
      return false;
    pool.run(tasks);
    strategy.tell(std::move(tasks));
  }
}

namespace {

std::vector<std::string> checkOptions(const SearchOptions &o) {
  std::vector<std::string> errors;
  if (o.threads < 0)
    errors.push_back("threads must be at least 0 (0: one per hardware thread)");
  if (o.maxEvaluations < 0)
    errors.push_back("the evaluation budget must not be negative");
  if (!(o.maxSeconds >= 0) || !std::isfinite(o.maxSeconds))
    errors.push_back("the time budget must be a non-negative number of seconds");
  if (o.limits.maxCycles < 0)
    errors.push_back("maxCycles must not be negative");
  if (!(o.limits.minUtilization >= 0 && o.limits.minUtilization <= 1))
    errors.push_back("minUtilization must be within [0, 1]");
  if (!(o.limits.maxEnergy >= 0))
    errors.push_back("maxEnergy must not be negative");
  if (o.objective.terms.empty())
    errors.push_back("the objective has no metric");
  if (o.objective.kind == Objective::Kind::Lexicographic &&
      o.objective.terms.size() > static_cast<size_t>(Score::kMax))
    errors.push_back("a lexicographic objective has at most 3 metrics");
  for (const auto &[metric, weight] : o.objective.terms)
    if (!(weight > 0) || !std::isfinite(weight))
      errors.push_back("objective weights must be positive numbers");
  return errors;
}

} // namespace

SearchResult search(const Problem &problem, const Arch &arch, const MapConstraints &constraints,
                    const SearchOptions &options, const CostModelFactory &factory) {
  auto start = std::chrono::steady_clock::now();
  SearchResult result;
  std::unique_ptr<Mapspace> space = Mapspace::create(problem, arch, constraints, result.errors);
  for (std::string &e : checkOptions(options))
    result.errors.push_back(std::move(e));
  if (!factory)
    result.errors.push_back("no cost model factory given");
  if (!result.errors.empty())
    return result;
  int threads = options.threads > 0
                    ? options.threads
                    : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  std::vector<Worker> workers;
  for (int i = 0; i < threads; ++i) {
    std::unique_ptr<CostModel> model = factory(problem, arch);
    if (!model) {
      result.errors.push_back("the cost model factory returned no model");
      return result;
    }
    workers.emplace_back(std::move(model));
  }
  std::string name = workers[0].model().name();
  if (options.algorithm == Algorithm::BranchAndBound && name != "analytical" && name != "oracle")
    result.errors.push_back("bnb derives its bounds from tessel's model semantics "
                            "(docs/model.md); cost model '" + name +
                            "' may differ: use the analytical model, or exhaustive, random "
                            "or anneal");
  if (!result.errors.empty())
    return result;
  result.threads = threads;
  std::unique_ptr<Strategy> strategy = makeStrategy(*space, options);
  try {
    bool stopped = drive(*strategy, workers, options);
    strategy->finish(result, stopped);
    if (result.found)
      result.mapping = space->toMapping(result.point);
    else if (result.status == SearchStatus::NoValidMapping)
      result.diagnosis = diagnose(*space, options, factory, result.certificate);
  } catch (const ModelFailure &e) {
    // The model could not answer: stop with its message instead of counting invalid mappings.
    result = SearchResult{};
    result.modelFailure = e.what();
    result.errors.push_back(result.modelFailure);
    return result;
  } catch (const std::exception &e) {
    result.errors.push_back(std::string("the search failed: ") + e.what());
    return result;
  }
  result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

SearchResult search(const Problem &problem, const Arch &arch, const MapConstraints &constraints,
                    const SearchOptions &options, const Registry &registry,
                    const std::string &modelName) {
  std::string error;
  if (!registry.createCostModel(modelName, problem, arch, &error)) {
    SearchResult result;
    result.errors.push_back(error);
    return result;
  }
  return search(problem, arch, constraints, options,
                [&](const Problem &p, const Arch &a) {
                  return registry.createCostModel(modelName, p, a);
                });
}

} // namespace tessel::search
