// Internal: the loop-order stage of one complete tiling. Every count of the model is a sum of
// per-level terms that depend only on that level's order (docs/search.md, "Separability"), so
// the counts of any choice of classes are the base counts plus one delta per level.
#ifndef TESSEL_SEARCH_LIB_ORDERSTAGE_H
#define TESSEL_SEARCH_LIB_ORDERSTAGE_H

#include "Counts.h"
#include "LevelCosts.h"
#include "tessel/cost/CostModel.h"

#include <map>
#include <tuple>
#include <vector>

namespace tessel::search {

struct TreeStats;

class OrderStage {
public:
  /// `withDeltas`: evaluate every class once per level (branch and bound); without, the stage
  /// only lists the classes (exhaustive enumeration).
  OrderStage(const Mapspace &space, const cost::CostModel &model, const Pricing &pricing,
             bool withDeltas);

  /// Prepares the stage for the tiling of `point` and sets every level's order to its first
  /// class. False when some level has no order meeting the constraints, or the model rejects
  /// the tiling.
  bool prepare(Point &point, TreeStats &stats);

  /// Levels whose order is still a choice, outermost first, and their number of choices.
  int numSteps() const { return numBranch; }
  int numChoices(int step) const { return static_cast<int>(branch[step].choice.size()); }
  /// Sets the order of the level of `step` to its choice `choice`.
  void apply(Point &point, int step, uint32_t choice) const;

  /// Energy and cycles when the first `decided` steps take `choices` (exact) and the others
  /// their smallest delta of every count (a lower bound; exact when all are decided).
  void bound(const uint32_t *choices, int decided, double &energy, double &cycles);

private:
  struct Level {
    int level = 0;
    const std::vector<OrderClass> *classes = nullptr;
    /// Classes offered (distinct count deltas), their deltas row by row, the smallest of each
    /// count over them.
    std::vector<uint32_t> choice;
    std::vector<int64_t> delta;
    std::vector<int64_t> minDelta;
  };
  const std::vector<OrderClass> &classesOf(int level, DimMask active, TensorMask relevant,
                                           TensorMask mustTrail);

  const Mapspace &space;
  const cost::CostModel &model;
  const Pricing &pricing;
  bool withDeltas;
  /// The first numBranch entries are the current stage's branching levels (storage reused).
  std::vector<Level> branch;
  int numBranch = 0;
  Counts base, sum, counts, first;
  LevelCosts costs;
  std::vector<int64_t> active;
  int64_t computeCycles = 0;
  cost::CostReport report;
  cost::Mapping mapping;
  std::map<std::tuple<int, DimMask, TensorMask, TensorMask>, std::vector<OrderClass>> cache;
};

} // namespace tessel::search

#endif // TESSEL_SEARCH_LIB_ORDERSTAGE_H
