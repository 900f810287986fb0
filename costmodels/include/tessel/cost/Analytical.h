// The fast analytical model: the oracle's counts in closed form over separable projections.
#ifndef TESSEL_COST_ANALYTICAL_H
#define TESSEL_COST_ANALYTICAL_H

#include "tessel/cost/CostModel.h"
#include "tessel/cost/Convention.h"

#include <vector>

namespace tessel::cost {

/// Evaluates mappings of one Problem on one Arch. Construction precomputes what depends only on
/// the problem and the arch; evaluate() is then exact (equal to evaluateOracle under the same
/// convention) and fast. Mappings with an imperfect factorisation take a general path, exact
/// but slower (docs/model.md section 12).
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
  struct FlowUnits;
  void evaluateFlow(const Flow &flow, FlowUnits &counts) const;
  /// Adds one flow's counts to the report, per instance and in total.
  void accumulate(CostReport &report, const Flow &flow, const FlowUnits &units) const;
  /// The general path for mappings with an imperfect factorisation (docs/model.md section 12).
  [[gnu::cold, gnu::noinline]] void evaluateImperfect(const Mapping &mapping,
                                                      CostReport &report) const;

  Problem prob;
  Arch hw;
  Convention conv;
  size_t numDims = 0;
  /// What is wrong with the problem or the arch themselves (checked once).
  std::vector<std::string> setupErrors;
  /// Words of every tensor whole (the outermost level's tiles).
  int64_t outermostWords = 0;
  int64_t macs = 0;
  /// Indices are classified once: constant (all dims of bound 1; dropped), over one dim (sizes
  /// are integer products) or over several dims (exact sets). For tensor t and dim d, at
  /// t * numDims + d: the slot (0..numSingle[t]) of the one-dim index over d, the slot
  /// (0..numMulti[t]) of the several-dim index d appears in (-1 when none), and d's coefficient.
  std::vector<int> singleSlotOf, multiSlotOf;
  std::vector<int64_t> coeffOf;
  std::vector<int> numSingle, numMulti;
  /// The dims of tensor t's one-dim indices by slot: singleDims[singleBase[t] + slot].
  std::vector<int> singleDims, singleBase;
};

} // namespace tessel::cost

#endif // TESSEL_COST_ANALYTICAL_H
