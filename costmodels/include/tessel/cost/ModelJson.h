// Problems and architectures as JSON, as the exec cost-model protocol sends them
// (docs/plugins.md). Exceptions of the JSON library never cross this API.
#ifndef TESSEL_COST_MODELJSON_H
#define TESSEL_COST_MODELJSON_H

#include "tessel/cost/Arch.h"
#include "tessel/cost/Problem.h"

#include <nlohmann/json_fwd.hpp>

namespace tessel::cost {

/// {"name", "dims": [{"name", "bound"}], "tensors": [{"name", "output", "element_bits",
/// "indices": [{DIM: COEFFICIENT, ...}, ...]}], "macs"}; each index lists its non-zero
/// coefficients by dim name.
nlohmann::ordered_json problemToJsonValue(const Problem &problem);

/// {"name", "compute_units", "levels": [...], "compute": {...}}, levels outermost first, each
/// with its parameters, the names of the tensors it may keep and the fan-out below it.
nlohmann::ordered_json archToJsonValue(const Arch &arch, const Problem &problem);

} // namespace tessel::cost

#endif // TESSEL_COST_MODELJSON_H
