// Test support: seeded random (problem, arch, mapping) triples and a readable dump of one case.
#ifndef TESSEL_TESTS_COSTMODELS_RANDOMCASE_H
#define TESSEL_TESTS_COSTMODELS_RANDOMCASE_H

#include "tessel/cost/CostReport.h"

#include <cstdint>
#include <string>

namespace tessel::cost::testing {

/// A small, valid evaluation case.
struct Case {
  Problem problem;
  Arch arch;
  Mapping mapping;
};

/// Deterministic small generator (splitmix64), identical on every platform.
class Rng {
public:
  explicit Rng(uint64_t seed) : state(seed) {}
  uint64_t next();
  /// Uniform integer in [lo, hi].
  int64_t pick(int64_t lo, int64_t hi) { return lo + static_cast<int64_t>(next() % (hi - lo + 1)); }
  bool coin(int percent = 50) { return pick(0, 99) < percent; }

private:
  uint64_t state;
};

/// Builds the case for `seed`: a conv (stride, dilation, groups), matmul, depthwise, long 1-D
/// window or random separable einsum with at most ~300 MACs, on 1-4 levels with random keeps, fan-outs and
/// networks, with a random valid mapping (random factorisations, orders, spatial axes, bypass).
/// With `imperfect`, some dims are imperfectly factored (docs/model.md section 12): a loop gets
/// a factor that need not divide the bound and the dim's outermost loop the fewest iterations
/// that cover it.
Case randomCase(uint64_t seed, bool imperfect = false);

/// Whether some dim's factors multiply to more than its bound.
bool isImperfect(const Case &c);

/// Problem, arch and mapping in readable form: a minimal reproducer.
std::string describe(const Case &c);

} // namespace tessel::cost::testing

#endif // TESSEL_TESTS_COSTMODELS_RANDOMCASE_H
