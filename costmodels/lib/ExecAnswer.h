// Internal: reading one answer line of the exec cost-model protocol into a CostReport.
#ifndef TESSEL_COST_LIB_EXECANSWER_H
#define TESSEL_COST_LIB_EXECANSWER_H

#include "tessel/cost/CostReport.h"

#include <cstdint>
#include <string>

namespace tessel::cost {

/// Reads the answer `line` to request `id` (docs/plugins.md, "The answer") into `report`.
/// Returns an empty string when the line is a well-formed answer (valid or not), otherwise
/// what is wrong: malformed JSON, a wrong version or id, an unknown key, a missing or
/// mistyped field, a level, tensor or bound_by name the problem and arch do not have, or the
/// program's own "error" message.
std::string readExecAnswer(const std::string &line, int64_t id, const Problem &problem,
                           const Arch &arch, CostReport &report);

} // namespace tessel::cost

#endif // TESSEL_COST_LIB_EXECANSWER_H
