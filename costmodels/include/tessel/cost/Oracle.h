// The reference simulator: walks every iteration of the mapped nest; the executable docs/model.md.
#ifndef TESSEL_COST_ORACLE_H
#define TESSEL_COST_ORACLE_H

#include "tessel/cost/CostModel.h"
#include "tessel/cost/Convention.h"

namespace tessel::cost {

/// Evaluates `mapping` by brute force: keeps every level instance's tile of every kept tensor as
/// a set of elements and counts fills, reads, updates and read-backs step by step. Slow by design
/// (time grows with iterations x instances x tile size); meant for small cases and for checking
/// the analytical model. Returns an invalid report listing violations for a bad mapping.
/// `convention` selects the counting rules (docs/model.md section 11).
CostReport evaluateOracle(const Problem &problem, const Arch &arch, const Mapping &mapping,
                          Convention convention = Convention::Tessel);

/// The oracle (evaluateOracle) behind the CostModel interface.
class OracleModel : public CostModel {
public:
  OracleModel(Problem problem, Arch arch, Convention convention = Convention::Tessel)
      : prob(std::move(problem)), hw(std::move(arch)), conv(convention) {}

  /// "oracle", or "oracle(timeloop)" under the Timeloop convention.
  std::string name() const override { return conventionModelName("oracle", conv); }
  Convention convention() const { return conv; }
  using CostModel::evaluate;
  void evaluate(const Mapping &mapping, CostReport &report) const override;

private:
  Problem prob;
  Arch hw;
  Convention conv;
};

} // namespace tessel::cost

#endif // TESSEL_COST_ORACLE_H
