// For a given seed, every searcher returns the same mapping whatever the thread count, with and
// without an evaluation budget.
#include "SearchCase.h"

#include "tessel/Search/Search.h"
#include "tessel/cost/Analytical.h"

#include <catch2/catch.hpp>

using namespace tessel;
using namespace tessel::search;
using namespace tessel::search::testing;

namespace {

/// A conv layer on a small Eyeriss-like hierarchy: big enough for many rounds of tasks and for
/// the annealing seed of branch and bound.
SearchCase mediumCase() {
  SearchCase c;
  cost::Problem &p = c.problem;
  p.name = "conv";
  p.dims = {{"k", 8}, {"c", 4}, {"p", 8}, {"q", 4}, {"r", 3}, {"s", 3}};
  std::vector<std::string> errors;
  p.tensors.push_back(cost::makeTensor(
      p, "I", {{{"c", 1}}, {{"p", 1}, {"r", 1}}, {{"q", 1}, {"s", 1}}}, false, errors));
  p.tensors.push_back(
      cost::makeTensor(p, "W", {{{"k", 1}}, {{"c", 1}}, {{"r", 1}}, {{"s", 1}}}, false, errors));
  p.tensors.push_back(
      cost::makeTensor(p, "O", {{{"k", 1}}, {{"p", 1}}, {{"q", 1}}}, true, errors));
  auto level = [](const char *name, int64_t cap, cost::TensorMask keep, double r, double w) {
    cost::StorageLevel s;
    s.name = name;
    s.capacityWords = cap;
    s.keepMask = keep;
    s.readEnergy = r;
    s.writeEnergy = s.updateEnergy = w;
    s.readBandwidth = s.writeBandwidth = cap == 0 ? 4 : 0;
    return s;
  };
  c.arch.name = "mini-eyeriss";
  c.arch.levels = {level("DRAM", 0, 7, 200, 200), level("GLB", 512, 5, 6, 6),
                   level("WSpad", 32, 2, 1, 1), level("PSpad", 8, 4, 0.5, 0.5)};
  cost::FanOut array;
  array.x = 4;
  array.y = 3;
  array.multicast = array.reduction = true;
  c.arch.fanOuts = {cost::FanOut{}, array, cost::FanOut{}, cost::FanOut{}};
  c.arch.compute.macEnergy = 0.2;
  c.arch.compute.leakage = 0.01;
  return c;
}

SearchResult run(const SearchCase &c, Algorithm algorithm, int threads, int64_t evals) {
  SearchOptions options;
  options.algorithm = algorithm;
  options.threads = threads;
  options.maxEvaluations = evals;
  options.seed = 7;
  return search::search(c.problem, c.arch, c.constraints, options,
                        [](const cost::Problem &p, const cost::Arch &a) {
                          return std::make_unique<cost::AnalyticalModel>(p, a);
                        });
}

void requireSame(const SearchResult &a, const SearchResult &b) {
  REQUIRE(a.errors.empty());
  REQUIRE(b.errors.empty());
  REQUIRE(a.found == b.found);
  CHECK(a.status == b.status);
  CHECK(pointKey(a.point) == pointKey(b.point));
  CHECK(a.report.totalEnergy == b.report.totalEnergy);
  CHECK(a.report.cycles == b.report.cycles);
  CHECK(a.certificate.evaluations == b.certificate.evaluations);
}

} // namespace

TEST_CASE("bnb returns the same optimum with 1, 2 and 4 threads", "[search][determinism]") {
  SearchCase c = mediumCase();
  SearchResult one = run(c, Algorithm::BranchAndBound, 1, 0);
  REQUIRE(one.status == SearchStatus::Optimal);
  REQUIRE(one.threads == 1);
  for (int threads : {2, 4}) {
    SearchResult r = run(c, Algorithm::BranchAndBound, threads, 0);
    CHECK(r.threads == threads);
    CHECK(pointKey(r.point) == pointKey(one.point));
    CHECK(r.report.totalEnergy == one.report.totalEnergy);
    CHECK(r.status == SearchStatus::Optimal);
  }
}

TEST_CASE("a budget stops bnb at the same place with any thread count", "[search][determinism]") {
  SearchCase c = mediumCase();
  SearchResult full = run(c, Algorithm::BranchAndBound, 2, 0);
  SearchResult one = run(c, Algorithm::BranchAndBound, 1, 2000);
  REQUIRE(one.status == SearchStatus::Stopped);
  REQUIRE(one.found);
  REQUIRE(one.certificate.lowerBound);
  REQUIRE(one.certificate.gapPercent);
  // The remaining gap is honest: the bound is below the true optimum, the best is above it.
  CHECK(*one.certificate.lowerBound <= full.score.value[0] * (1 + 1e-12));
  CHECK(one.score.value[0] >= full.score.value[0]);
  CHECK(*one.certificate.gapPercent >= 0);
  CHECK(*one.certificate.gapPercent < 100);
  for (int threads : {2, 4})
    requireSame(one, run(c, Algorithm::BranchAndBound, threads, 2000));
}

TEST_CASE("random and anneal depend on the seed only", "[search][determinism]") {
  SearchCase c = mediumCase();
  for (Algorithm a : {Algorithm::Random, Algorithm::Anneal}) {
    INFO(algorithmName(a));
    SearchResult one = run(c, a, 1, 3000);
    REQUIRE(one.found);
    CHECK(one.status == SearchStatus::Finished);
    CHECK(one.certificate.evaluations <= 3000);
    CHECK(one.certificate.evaluations > 2000);
    for (int threads : {2, 4})
      requireSame(one, run(c, a, threads, 3000));
  }
}
