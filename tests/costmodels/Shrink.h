// Test support: shrinks a failing cost-model case to a small one that still fails.
#ifndef TESSEL_TESTS_COSTMODELS_SHRINK_H
#define TESSEL_TESTS_COSTMODELS_SHRINK_H

#include "RandomCase.h"

#include <functional>

namespace tessel::cost::testing {

/// Levels + loops + the sum of the dim bounds and fan-out widths: what shrinking lowers.
int64_t caseSize(const Case &c);

/// Greedily simplifies `c` while `fails` stays true and checkMapping accepts the mapping: drops
/// levels (their loops move to the level above), turns spatial loops temporal, divides a dim's
/// bound by one of its loops' factors, narrows fan-outs to what the mapping uses, clears
/// bypasses, keeps, networks, capacities and energies. Returns the last case for which `fails` held
/// (`c` itself if nothing simpler fails).
Case shrinkCase(Case c, const std::function<bool(const Case &)> &fails);

} // namespace tessel::cost::testing

#endif // TESSEL_TESTS_COSTMODELS_SHRINK_H
