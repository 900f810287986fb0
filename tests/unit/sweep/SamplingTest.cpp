// Samples of a design space: Latin hypercube strata, distinct random points, reproducibility.
#include "FakeEvaluator.h"

#include "tessel/Sweep/DesignSpace.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <set>

using namespace tessel;
using namespace tessel::sweep;

namespace {
std::vector<std::string> keys(const std::vector<DesignPoint> &points) {
  std::vector<std::string> k;
  for (const DesignPoint &p : points)
    k.push_back(p.key());
  return k;
}
double param(const DesignPoint &p, const std::string &name) {
  for (const auto &[n, v] : p.params)
    if (n == name)
      return v;
  FAIL("no param " << name);
  return 0;
}
} // namespace

TEST_CASE("Latin hypercube: one sample per stratum of every axis", "[sweep][sample]") {
  DesignSpace s;
  s.axes.push_back({"a", dsl::Dim::none(), {}, true, 0, 1, ""});
  s.axes.push_back({"b", dsl::dimFrequency(), {}, true, 1e8, 1e9, ""});
  s.axes.push_back({"c", dsl::Dim::none(), {1, 2, 3, 4, 5, 6, 7, 8}, false, 0, 0, ""});
  for (uint64_t seed : {1u, 2u, 99u}) {
    const uint64_t n = 8;
    std::vector<DesignPoint> points = samplePoints(s, n, seed, SampleMethod::LatinHypercube);
    REQUIRE(points.size() == n);
    std::set<int> sa, sb, sc;
    for (size_t i = 0; i < points.size(); ++i) {
      CHECK(points[i].index == i);
      sa.insert(static_cast<int>(std::floor(param(points[i], "a") * n)));
      sb.insert(static_cast<int>(std::floor((param(points[i], "b") - 1e8) / 9e8 * n)));
      sc.insert(static_cast<int>(param(points[i], "c")));
    }
    CHECK(sa.size() == n);
    CHECK(sb.size() == n);
    CHECK(sc.size() == n); // 8 values, 8 strata: every value once
  }
  // A discrete axis coarser than the sample: each value covers n / size strata.
  DesignSpace d;
  d.axes.push_back({"x", dsl::Dim::none(), {}, true, 0, 1, ""});
  d.axes.push_back({"k", dsl::Dim::none(), {10, 20}, false, 0, 0, ""});
  std::vector<DesignPoint> points = samplePoints(d, 10, 5, SampleMethod::LatinHypercube);
  REQUIRE(points.size() == 10);
  CHECK(std::count_if(points.begin(), points.end(),
                      [](const DesignPoint &p) { return param(p, "k") == 10; }) == 5);
}

TEST_CASE("samples are reproducible from the seed", "[sweep][sample]") {
  DesignSpace s = test::fakeSpace();
  for (SampleMethod m : {SampleMethod::LatinHypercube, SampleMethod::Random}) {
    CHECK(keys(samplePoints(s, 6, 7, m)) == keys(samplePoints(s, 6, 7, m)));
    CHECK(keys(samplePoints(s, 6, 7, m)) != keys(samplePoints(s, 6, 8, m)));
  }
  // The generator and the mapping to points are part of the contract (docs/sweep.md):
  // the same seed gives the same points on every platform and in every version.
  CHECK(keys(samplePoints(s, 3, 42, SampleMethod::Random)) ==
        std::vector<std::string>{"cols=14,glb=1572864,rows=4", "cols=8,glb=524288,rows=16",
                                 "cols=8,glb=1572864,rows=8"});
  CHECK(keys(samplePoints(s, 3, 42, SampleMethod::LatinHypercube)) ==
        std::vector<std::string>{"cols=8,glb=2097152,rows=12", "cols=8,glb=524288,rows=12",
                                 "cols=14,glb=1572864,rows=8"});
}

TEST_CASE("random samples are distinct points", "[sweep][sample]") {
  DesignSpace s = test::fakeSpace();
  for (uint64_t n : {1u, 5u, 31u}) {
    std::vector<DesignPoint> points = samplePoints(s, n, 3, SampleMethod::Random);
    REQUIRE(points.size() == n);
    std::vector<std::string> k = keys(points);
    CHECK(std::set<std::string>(k.begin(), k.end()).size() == n);
  }
  // At least the whole space: every point once, in a random order.
  for (SampleMethod m : {SampleMethod::Random, SampleMethod::LatinHypercube}) {
    std::vector<DesignPoint> all = samplePoints(s, 100, 3, m);
    REQUIRE(all.size() == 32);
    std::vector<std::string> k = keys(all);
    CHECK(std::set<std::string>(k.begin(), k.end()).size() == 32);
    CHECK(all[31].index == 31);
  }
  // Continuous axes: uniform draws inside the range.
  DesignSpace c;
  c.axes.push_back({"v", dsl::Dim::none(), {}, true, 2, 3, ""});
  for (const DesignPoint &p : samplePoints(c, 50, 1, SampleMethod::Random)) {
    CHECK(param(p, "v") >= 2);
    CHECK(param(p, "v") < 3);
  }
}
