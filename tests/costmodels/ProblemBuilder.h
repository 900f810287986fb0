// Test helper: a Problem from dims and per-tensor index terms, requiring it to be well formed.
#ifndef TESSEL_TESTS_COSTMODELS_PROBLEMBUILDER_H
#define TESSEL_TESTS_COSTMODELS_PROBLEMBUILDER_H

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

} // namespace tessel::cost::test

#endif // TESSEL_TESTS_COSTMODELS_PROBLEMBUILDER_H
