// Internal: exact flow counts for any valid mapping, including imperfect factorisations.
#ifndef TESSEL_COST_LIB_IMPERFECT_H
#define TESSEL_COST_LIB_IMPERFECT_H

#include "Finalize.h"

namespace tessel::cost {

/// The counts of one flow of `tensor` from keeper `parent` to its next inner keeper `child`
/// (the number of levels: the compute units) under `convention`, for any valid mapping whose
/// flattened nest is `nest`: sums over each index's boundary cases, each a product of per-dim
/// histograms (docs/model.md section 12). Equal to the oracle's counts; slower than the
/// analytical model's closed forms for perfect factorisations, which it is not used for.
FlowCounts imperfectFlowCounts(const Problem &problem, const Arch &arch, const LoopNest &nest,
                               int tensor, int parent, int child, Convention convention);

} // namespace tessel::cost

#endif // TESSEL_COST_LIB_IMPERFECT_H
