// The mapping search: one call that finds the best mapping of a Problem on an Arch under
// MapConstraints with branch and bound, exhaustive enumeration, random sampling or annealing.
#ifndef TESSEL_SEARCH_SEARCH_H
#define TESSEL_SEARCH_SEARCH_H

#include "tessel/Search/Mapspace.h"
#include "tessel/Search/Objective.h"
#include "tessel/cost/Registry.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tessel::search {

enum class Algorithm { BranchAndBound, Exhaustive, Random, Anneal };

/// "bnb", "exhaustive", "random", "anneal".
std::optional<Algorithm> parseAlgorithm(std::string_view name);
const char *algorithmName(Algorithm algorithm);

struct SearchOptions {
  Algorithm algorithm = Algorithm::BranchAndBound;
  Objective objective;
  Limits limits;
  /// Stop after about this many cost-model evaluations / seconds (0: no limit). Random and
  /// annealing need one of them; without either they use kDefaultEvaluations.
  int64_t maxEvaluations = 0;
  double maxSeconds = 0;
  /// Worker threads; 0 means std::thread::hardware_concurrency(). The result does not depend
  /// on it (only on `seed` and an evaluation budget; a time budget depends on speed).
  int threads = 0;
  uint64_t seed = 1;
  /// Mappings to evaluate first, e.g. the best one of a neighbouring design point: branch and
  /// bound prunes against the best valid one from the start, annealing starts its chains from
  /// them, random sampling counts them as samples. Mappings with several temporal loops of one
  /// dim at one level cannot be used and are ignored.
  std::vector<cost::Mapping> warmStarts;

  static constexpr int64_t kDefaultEvaluations = 20000;
};

enum class SearchStatus {
  /// Branch and bound or exhaustive enumeration covered the whole mapspace: the mapping is
  /// optimal (gap 0).
  Optimal,
  /// A budget stopped the search; the mapping is the best found (branch and bound reports the
  /// remaining gap).
  Stopped,
  /// Random sampling or annealing used its budget.
  Finished,
  /// No mapping of the mapspace is valid: see SearchResult::diagnosis.
  NoValidMapping,
};
const char *statusName(SearchStatus status);

/// What the search did, and, for branch and bound, its optimality certificate.
struct Certificate {
  /// Tree nodes bounded, nodes and leaves cut by their bound, complete points reached.
  int64_t nodes = 0;
  int64_t pruned = 0;
  int64_t leaves = 0;
  /// Cost-model evaluations (leaves, plus the per-level order evaluations of branch and bound).
  int64_t evaluations = 0;
  /// Candidates ruled out: by each level's capacity, by the fan-out axes, by the constraints'
  /// orders, by the limits, and complete points the cost model rejected.
  std::vector<int64_t> overCapacity;
  int64_t noSpatialSplit = 0;
  int64_t noOrder = 0;
  int64_t overLimits = 0;
  int64_t invalid = 0;
  /// Per tree depth (bypass, fan-outs, levels inner to outer, then order steps): bounds
  /// computed and children kept after pruning.
  std::vector<int64_t> depthNodes, depthKept;
  /// The first objective component: best found, and a lower bound of every mapping in the
  /// mapspace (equal to the best when optimal; absent for random/anneal without a bound).
  double best = 0;
  std::optional<double> lowerBound;
  /// 100 * (best - lowerBound) / best, when a bound exists.
  std::optional<double> gapPercent;
};

struct SearchResult {
  /// Invalid problem, arch, constraints or options, or a failed cost model: nothing else is
  /// meaningful.
  std::vector<std::string> errors;
  /// The cost model failed (CostModel::evaluateOrError returned this message, e.g. an exec:
  /// program that exited): the search stopped at once. `errors` holds the same message.
  std::string modelFailure;
  SearchStatus status = SearchStatus::NoValidMapping;
  bool found = false;
  Point point;
  cost::Mapping mapping;
  cost::CostReport report;
  Score score;
  Certificate certificate;
  double seconds = 0;
  int threads = 1;
  /// When no valid mapping exists: why, and what relaxation would admit one.
  std::vector<std::string> diagnosis;
};

/// Searches the mapspace of `problem` on `arch` under `constraints`. Every thread builds its
/// own model with `factory`. Branch and bound needs a model with the semantics of
/// docs/model.md ("analytical" or "oracle"), since its bounds are derived from them.
SearchResult search(const cost::Problem &problem, const cost::Arch &arch,
                    const cost::MapConstraints &constraints, const SearchOptions &options,
                    const cost::CostModelFactory &factory);

/// search() with the model registered as `modelName` in `registry`.
SearchResult search(const cost::Problem &problem, const cost::Arch &arch,
                    const cost::MapConstraints &constraints, const SearchOptions &options,
                    const cost::Registry &registry, const std::string &modelName);

/// The size of one mapspace axis before and after pruning.
struct AxisSize {
  std::string axis;
  double before = 0;
  double after = 0;
  std::string note;
};

/// Every axis of a mapspace, with the sizes before and after the constraints, the fan-out
/// sizes, the capacities and the collapse of orders into classes.
struct Explanation {
  std::vector<AxisSize> axes;
  double totalBefore = 1;
  double totalAfter = 1;
};

/// Explains the mapspace of `problem` on `arch` under `constraints`; returns errors instead
/// when the inputs are invalid.
Explanation explain(const Mapspace &space);

/// A readable table of an explanation.
std::string toString(const Explanation &explanation);

/// One line per fact: what the search ruled out, static impossibilities (capacities, limits)
/// and which single relaxation (a level's capacity, the constraints, the limits) admits a
/// mapping. Used by search() when nothing valid is found.
std::vector<std::string> diagnose(const Mapspace &space, const SearchOptions &options,
                                  const cost::CostModelFactory &factory,
                                  const Certificate &certificate);

} // namespace tessel::search

#endif // TESSEL_SEARCH_SEARCH_H
