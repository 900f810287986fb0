// Test support for the search: seeded small (problem, arch, constraints) cases and a brute
// force over the whole, uncollapsed mapspace.
#ifndef TESSEL_TESTS_SEARCH_SEARCHCASE_H
#define TESSEL_TESTS_SEARCH_SEARCHCASE_H

#include "tessel/Search/Objective.h"
#include "tessel/cost/Constraints.h"
#include "tessel/cost/CostModel.h"

#include <cstdint>
#include <optional>
#include <string>

namespace tessel::search::testing {

struct SearchCase {
  cost::Problem problem;
  cost::Arch arch;
  cost::MapConstraints constraints;
};

/// A small case for `seed`: a matmul, 1-D/2-D convolution (strided or not), depthwise conv or
/// random separable einsum with few MACs, on 1-3 levels with random keeps, fan-outs (with or
/// without multicast/reduction), bandwidths, block sizes, energies and some capacities; with
/// `withConstraints`, random allowed spatial dims, forced keeps/bypasses, order constraints
/// and stationary tensors.
SearchCase smallCase(uint64_t seed, bool withConstraints = false);

/// Makes the outermost level of `c` run-length code a random subset of the tensors (5-bit or
/// narrower runs, 2-4 word blocks) and gives every tensor a random density, a quarter of them
/// 1 (coding then expands the data); docs/model.md section 13.
void codeOutermost(SearchCase &c, uint64_t seed);

/// A convolution (channels, 2-D windows, stride 1 or 2) on 4-5 levels with random keeps,
/// capacities and multicast/reduction fan-outs: too large for the brute force, deep enough
/// for flows that pass several levels (bound tests).
SearchCase deepCase(uint64_t seed);

/// The best score over every mapping of the uncollapsed mapspace: one temporal loop per dim
/// per level in every order, every X and Y factor per dim on every fan-out, every bypass
/// subset; evaluated with the analytical model. No best when no mapping is valid; not
/// complete when there are more than `maxMappings` mappings (the case is too large).
struct BruteForce {
  std::optional<Score> best;
  int64_t mappings = 0;
  int64_t valid = 0;
  bool complete = true;
};
BruteForce bruteForce(const SearchCase &c, const Objective &objective, const Limits &limits,
                      int64_t maxMappings = 150000);

/// Problem, arch and constraints in readable form.
std::string describe(const SearchCase &c);

} // namespace tessel::search::testing

#endif // TESSEL_TESTS_SEARCH_SEARCHCASE_H
