// Objectives and limits of a mapping search: energy, cycles, EDP, weighted sums, lexicographic.
#ifndef TESSEL_SEARCH_OBJECTIVE_H
#define TESSEL_SEARCH_OBJECTIVE_H

#include "tessel/cost/CostReport.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tessel::search {

/// A quantity of a cost report a search can minimise.
enum class Metric { Energy, Cycles, EDP };

/// What "better" means. Weighted: minimise sum(weight * metric). Lexicographic: minimise the
/// first metric, then the second among equals, and so on (weights are ignored).
struct Objective {
  enum class Kind { Weighted, Lexicographic };
  Kind kind = Kind::Weighted;
  std::vector<std::pair<Metric, double>> terms{{Metric::Energy, 1.0}};

  static Objective single(Metric metric) { return Objective{Kind::Weighted, {{metric, 1.0}}}; }
};

/// Parses "energy", "cycles", "edp", a weighted sum such as "energy+2e-3*cycles", or a
/// lexicographic order such as "lex:cycles,energy". Returns nullopt and sets `error` otherwise.
std::optional<Objective> parseObjective(std::string_view text, std::string &error);

/// The canonical text form (parseObjective accepts it back).
std::string toString(const Objective &objective);

/// Limits every reported mapping must meet; 0 disables a limit.
struct Limits {
  int64_t maxCycles = 0;
  /// Fraction of the compute units busy, macs / (cycles * units), in (0, 1].
  double minUtilization = 0;
  double maxEnergy = 0;
};

/// A score: one value per objective level (one for weighted sums), compared lexicographically;
/// smaller is better.
struct Score {
  static constexpr int kMax = 3;
  double value[kMax] = {0, 0, 0};
  int size = 0;
};

/// The score of a valid report.
Score scoreOf(const Objective &objective, const cost::CostReport &report);

/// The score from lower bounds of energy and cycles (both non-negative): a lower bound of
/// the score of every mapping whose energy and cycles are at least these.
Score scoreBound(const Objective &objective, double energy, double cycles);

/// -1, 0, 1 as `a` is better than, equal to or worse than `b`.
int compare(const Score &a, const Score &b);

/// True when every mapping whose score is at least `bound` (component-wise, lexicographically)
/// is strictly worse than `best`: the bound exceeds it by more than rounding (relative 1e-12).
bool boundExceeds(const Score &bound, const Score &best);

/// Whether `report` meets `limits` (valid reports only).
bool meetsLimits(const Limits &limits, const cost::CostReport &report, int64_t computeUnits);

/// The largest cycle count `limits` allow (maxCycles and minUtilization combined), or 0 when
/// unlimited.
int64_t cycleCap(const Limits &limits, int64_t macs, int64_t computeUnits);

} // namespace tessel::search

#endif // TESSEL_SEARCH_OBJECTIVE_H
