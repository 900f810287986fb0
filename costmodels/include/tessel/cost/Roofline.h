// The roofline model: compulsory traffic and the mapping's compute cycles, a lower bound.
#ifndef TESSEL_COST_ROOFLINE_H
#define TESSEL_COST_ROOFLINE_H

#include "tessel/cost/CostModel.h"

#include <vector>

namespace tessel::cost {

/// Counts every tensor element once per keeper boundary it must cross (perfect reuse, perfect
/// multicast and reduction) with the mapping's spatial spread and compute cycles; latency,
/// energy and area are then formed as in docs/model.md. Every count, the cycles and the energy
/// are lower bounds of the analytical model's for the same mapping.
class RooflineModel : public CostModel {
public:
  RooflineModel(Problem problem, Arch arch);

  std::string name() const override { return "roofline"; }
  using CostModel::evaluate;
  void evaluate(const Mapping &mapping, CostReport &report) const override;

private:
  Problem prob;
  Arch hw;
  /// Distinct elements of each tensor.
  std::vector<int64_t> elements;
};

} // namespace tessel::cost

#endif // TESSEL_COST_ROOFLINE_H
