// The bounds are admissible: for random valid points, the bound computed from any prefix of
// the tree's decisions (bypass, fan-outs outer to inner, levels inner to outer) is at most the
// point's energy and cycles.
#include "SearchCase.h"

#include "Bound.h"
#include "Sample.h"
#include "tessel/cost/Analytical.h"

#include <catch2/catch.hpp>

using namespace tessel;
using namespace tessel::search;
using namespace tessel::search::testing;

TEST_CASE("bounds never exceed the energy and cycles of a completion", "[search][bound]") {
  int points = 0, bounds = 0;
  for (uint64_t seed = 1; seed <= 700; ++seed) {
    SearchCase c = smallCase(seed, seed % 3 == 0);
    std::vector<std::string> errors;
    auto space = Mapspace::create(c.problem, c.arch, c.constraints, errors);
    REQUIRE(space);
    cost::AnalyticalModel model(c.problem, c.arch);
    Pricing pricing(*space);
    Bounder bounder(*space, pricing);
    Rng rng(seed * 31);
    for (int sample = 0; sample < 20; ++sample) {
      Point p;
      samplePoint(*space, rng, p);
      cost::CostReport report = model.evaluate(space->toMapping(p));
      if (!report.valid)
        continue;
      ++points;
      int L = space->numLevels();
      std::vector<int> fans;
      for (int l = 0; l < L; ++l)
        if (space->fanX(l) * space->fanY(l) > 1)
          fans.push_back(l);
      // Prefixes: k fan-outs decided (outer first), then levels from L-1 down to `from`.
      for (size_t k = 0; k <= fans.size(); ++k)
        for (int from = L; from >= 0; --from) {
          if (k < fans.size() && from < L)
            continue;
          std::unique_ptr<bool[]> known(new bool[L]);
          for (int l = 0; l < L; ++l)
            known[l] = space->fanX(l) * space->fanY(l) == 1;
          for (size_t j = 0; j < k; ++j)
            known[fans[j]] = true;
          Decided dec{known.get(), from};
          double energy, cycles;
          bounder.bound(p, dec, energy, cycles);
          ++bounds;
          INFO("seed " << seed << " fan-outs decided " << k << " levels from " << from << "\n"
                       << describe(c) << describePoint(*space, p)
                       << cost::toString(report, c.problem, c.arch));
          CHECK(energy <= report.totalEnergy * (1 + 1e-12));
          CHECK(cycles <= static_cast<double>(report.cycles));
        }
    }
  }
  CHECK(points > 1000);
  CHECK(bounds > 5000);
}
