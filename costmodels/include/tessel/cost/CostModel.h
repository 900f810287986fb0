// CostModel: the interface every cost model implements (analytical, oracle, roofline, plugins).
#ifndef TESSEL_COST_COSTMODEL_H
#define TESSEL_COST_COSTMODEL_H

#include "tessel/cost/CostReport.h"

#include <string>

namespace tessel::cost {

/// Evaluates mappings of the Problem and Arch the model was built for.
class CostModel {
public:
  virtual ~CostModel() = default;

  /// The name the model is registered under, e.g. "analytical".
  virtual std::string name() const = 0;

  /// Fills `report`; an invalid mapping gives `report.valid == false` and its violations.
  virtual void evaluate(const Mapping &mapping, CostReport &report) const = 0;

  /// evaluate() that also says when the model itself failed (as opposed to rejecting the
  /// mapping): returns "" when `report` is the model's answer, or what went wrong, e.g. an
  /// external program that crashed (`report` is then invalid and lists the same message).
  /// Commands stop on such a failure instead of reporting an invalid mapping.
  virtual std::string evaluateOrError(const Mapping &mapping, CostReport &report) const {
    evaluate(mapping, report);
    return {};
  }

  /// Convenience form of evaluate().
  CostReport evaluate(const Mapping &mapping) const {
    CostReport report;
    evaluate(mapping, report);
    return report;
  }
};

} // namespace tessel::cost

#endif // TESSEL_COST_COSTMODEL_H
