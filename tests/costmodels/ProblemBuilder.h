// Test helpers: a Problem from dims and per-tensor index terms; both exact models on one case.
#ifndef TESSEL_TESTS_COSTMODELS_PROBLEMBUILDER_H
#define TESSEL_TESTS_COSTMODELS_PROBLEMBUILDER_H

#include "tessel/cost/Analytical.h"
#include "tessel/cost/Arch.h"
#include "tessel/cost/Oracle.h"
#include "tessel/cost/Problem.h"

#include <catch2/catch.hpp>

#include <tuple>

namespace tessel::cost::test {

/// Index terms of one tensor: per index, {dim name, coefficient} pairs.
using Terms = std::vector<std::vector<std::pair<std::string, int64_t>>>;

/// Dims {name, bound}, then tensors {name, terms, isOutput}.
inline Problem makeProblem(const std::vector<std::pair<std::string, int64_t>> &dims,
                           const std::vector<std::tuple<std::string, Terms, bool>> &tensors) {
  Problem p;
  for (const auto &[name, bound] : dims)
    p.dims.push_back({name, bound});
  std::vector<std::string> errors;
  for (const auto &[name, terms, out] : tensors)
    p.tensors.push_back(makeTensor(p, name, terms, out, errors));
  REQUIRE(errors.empty());
  return p;
}

/// C[m, n] += A[m, k] * B[k, n].
inline Problem matmul(int64_t m, int64_t n, int64_t k) {
  return makeProblem({{"m", m}, {"n", n}, {"k", k}},
                     {{"A", {{{"m", 1}}, {{"k", 1}}}, false},
                      {"B", {{{"k", 1}}, {{"n", 1}}}, false},
                      {"C", {{{"m", 1}}, {{"n", 1}}}, true}});
}

/// A storage level called `name` keeping the tensors of `keep` (other fields default).
inline StorageLevel level(const std::string &name, TensorMask keep) {
  StorageLevel s;
  s.name = name;
  s.keepMask = keep;
  return s;
}

inline AccessCounts counts(int64_t fills, int64_t reads, int64_t updates, int64_t readBacks) {
  return {fills, reads, updates, readBacks};
}

/// Evaluates with the oracle and the analytical model under `convention`, requires both valid
/// and equal (counts, network, cycles, energy), and returns the analytical report.
inline CostReport evaluateBoth(const Problem &p, const Arch &a, const Mapping &m,
                               Convention convention = Convention::Tessel) {
  CostReport oracle = evaluateOracle(p, a, m, convention);
  CostReport fast = AnalyticalModel(p, a, convention).evaluate(m);
  INFO(conventionName(convention) << " convention, oracle:\n" << toString(oracle, p, a));
  REQUIRE(oracle.valid);
  REQUIRE(fast.valid);
  for (size_t i = 0; i < oracle.stats.size(); ++i)
    REQUIRE(oracle.stats[i].total == fast.stats[i].total);
  REQUIRE(oracle.networkTransfers == fast.networkTransfers);
  REQUIRE(oracle.cycles == fast.cycles);
  REQUIRE(oracle.totalEnergy == fast.totalEnergy);
  return fast;
}

} // namespace tessel::cost::test

#endif // TESSEL_TESTS_COSTMODELS_PROBLEMBUILDER_H
