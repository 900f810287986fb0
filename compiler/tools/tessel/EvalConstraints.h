// The .hw mapping constraints (allowed spatial dims, forced keep/bypass, loop orders,
// stationary tensors) checked against a mapping given to `tessel eval`.
#ifndef TESSEL_TOOLS_EVALCONSTRAINTS_H
#define TESSEL_TOOLS_EVALCONSTRAINTS_H

#include "EvalPipeline.h"

#include "tessel/cost/Mapping.h"

#include <string>
#include <vector>

namespace tessel::cli {

/// One message per constraint `mapping` breaks (empty when it meets them all). Constraints
/// that cannot be checked are reported in `notes`.
std::vector<std::string> constraintViolations(const EvalInputs &in, const cost::Mapping &mapping,
                                              std::vector<std::string> &notes);

} // namespace tessel::cli

#endif // TESSEL_TOOLS_EVALCONSTRAINTS_H
