// The fast analytical model: the oracle's counts in closed form over separable projections.
#ifndef TESSEL_COST_ANALYTICAL_H
#define TESSEL_COST_ANALYTICAL_H

#include "tessel/cost/CostModel.h"
#include "tessel/cost/Convention.h"

#include <vector>

namespace tessel::cost {

struct FlowCounts;

/// Evaluates mappings of one Problem on one Arch. Construction precomputes what depends only on
/// the problem and the arch; evaluate() is then exact (equal to evaluateOracle under the same
/// convention) and fast.
class AnalyticalModel : public CostModel {
public:
  AnalyticalModel(Problem problem, Arch arch, Convention convention = Convention::Tessel);

  /// "analytical", or "analytical(timeloop)" under the Timeloop convention.
  std::string name() const override { return conventionModelName("analytical", conv); }
  Convention convention() const { return conv; }
  /// Evaluates `mapping`, reusing `report`'s storage (no allocation on the valid path after the
  /// first call); an invalid mapping gives an invalid report listing the violations.
  void evaluate(const Mapping &mapping, CostReport &report) const override;
  using CostModel::evaluate;

  const Problem &problem() const { return prob; }
  const Arch &arch() const { return hw; }

private:
  struct Flow;
  void evaluateFlow(const Flow &flow, FlowCounts &counts) const;
  /// evaluateFlow for a tensor with (CanBeMulti) or without indices over several dims.
  template <bool CanBeMulti> void evaluateFlowImpl(const Flow &flow, FlowCounts &counts) const;

  Problem prob;
  Arch hw;
  Convention conv;
  size_t numDims = 0;
  /// What is wrong with the problem or the arch themselves (checked once).
  std::vector<std::string> setupErrors;
  /// Words of every tensor whole (the outermost level's tiles).
  int64_t outermostWords = 0;
  int64_t macs = 0;
  /// indexOf[t * numDims + d]: the index of tensor t that dim d appears in, or -1.
  std::vector<int> indexOf;
  /// coeffOf[t * numDims + d]: dim d's coefficient in that index (0 when absent).
  std::vector<int64_t> coeffOf;
  std::vector<int> numIndices;
  /// Per tensor index (tensor t's indices start at indexBase[t]): whether it uses at most one
  /// dim, and that dim's coefficient.
  std::vector<int> indexBase;
  std::vector<size_t> numMulti;
  std::vector<char> singleDim;
  /// The dim of a single-dim index (-1 for a constant index).
  std::vector<int> singleDimOf;
  std::vector<int64_t> singleCoef;
};

} // namespace tessel::cost

#endif // TESSEL_COST_ANALYTICAL_H
