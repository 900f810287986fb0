// The tables `tessel eval` prints: the layer and mapping, accesses and energy per level and
// tensor, latency and what bounds it, utilisation and area.
#ifndef TESSEL_TOOLS_EVALOUTPUT_H
#define TESSEL_TOOLS_EVALOUTPUT_H

#include "EvalPipeline.h"

#include "tessel/cost/CostReport.h"
#include "tessel/cost/Mapping.h"

#include <iosfwd>
#include <string>

namespace tessel::cli {

/// Prints the evaluation of `mapping` (read from `mappingFile`) by cost model `model`.
void printEvaluation(std::ostream &os, const EvalInputs &in, const std::string &mappingFile,
                     const std::string &model, const cost::Mapping &mapping,
                     const cost::CostReport &report);

} // namespace tessel::cli

#endif // TESSEL_TOOLS_EVALOUTPUT_H
