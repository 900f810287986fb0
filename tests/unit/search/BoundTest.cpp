// The bounds are admissible: for random valid points, the bound computed from
// any prefix of the tree's decisions (bypass, fan-outs outer to inner, levels
// inner to outer) is at most the point's energy and cycles.
#include "SearchCase.h"

#include "Bound.h"
#include "Sample.h"
#include "tessel/cost/Analytical.h"

#include <catch2/catch.hpp>

using namespace tessel;
using namespace tessel::search;
using namespace tessel::search::testing;

namespace {

/// Calls `check(c, space, bounder, point, report)` for `samples` random points
/// of case `seed` (1 to `seeds`; a deep case when `deepEvery` divides the seed)
/// that the model accepts.
/// With `coded`, the outermost level run-length codes tensors (codeOutermost).
template <typename Check>
void forValidPoints(uint64_t seeds, uint64_t deepEvery, int samples,
                    uint64_t rngSalt, const Check &check, bool coded = false) {
  for (uint64_t seed = 1; seed <= seeds; ++seed) {
    SearchCase c =
        seed % deepEvery == 0 ? deepCase(seed) : smallCase(seed, seed % 3 == 0);
    if (coded)
      codeOutermost(c, seed);
    std::vector<std::string> errors;
    auto space = Mapspace::create(c.problem, c.arch, c.constraints, errors);
    REQUIRE(space);
    cost::AnalyticalModel model(c.problem, c.arch);
    Pricing pricing(*space);
    Bounder bounder(*space, pricing);
    Rng rng(seed * rngSalt);
    for (int sample = 0; sample < samples; ++sample) {
      Point p;
      samplePoint(*space, rng, p);
      cost::CostReport report = model.evaluate(space->toMapping(p));
      if (report.valid)
        check(seed, c, *space, bounder, rng, p, report);
    }
  }
}

/// Every prefix of the tree's decisions bounds `samples` random valid points of seeds 1 to
/// `seeds` from below; counts the points and bounds.
void checkPrefixBounds(uint64_t seeds, uint64_t salt, bool coded, int &points, int &bounds) {
  // Small cases, and every fourth a deeper one (flows past several levels and
  // fan-outs).
  forValidPoints(seeds, 4, 20, salt,
                 [&](uint64_t seed, const SearchCase &c, const Mapspace &space,
                     Bounder &bounder, Rng &, const Point &p,
                     const cost::CostReport &report) {
                   ++points;
                   int L = space.numLevels();
                   std::vector<int> fans;
                   for (int l = 0; l < L; ++l)
                     if (space.fanX(l) * space.fanY(l) > 1)
                       fans.push_back(l);
                   // Prefixes: k fan-outs decided (outer first), then levels
                   // from L-1 down to `from`.
                   for (size_t k = 0; k <= fans.size(); ++k)
                     for (int from = L; from >= 0; --from) {
                       if (k < fans.size() && from < L)
                         continue;
                       std::unique_ptr<bool[]> known(new bool[L]);
                       for (int l = 0; l < L; ++l)
                         known[l] = space.fanX(l) * space.fanY(l) == 1;
                       for (size_t j = 0; j < k; ++j)
                         known[fans[j]] = true;
                       Decided dec{known.get(), from};
                       double energy, cycles;
                       bounder.bound(p, dec, energy, cycles);
                       ++bounds;
                       INFO("seed "
                            << seed << " fan-outs decided " << k
                            << " levels from " << from << "\n"
                            << describe(c) << describePoint(space, p)
                            << cost::toString(report, c.problem, c.arch));
                       CHECK(energy <= report.totalEnergy * (1 + 1e-12));
                       CHECK(cycles <= static_cast<double>(report.cycles));
                     }
                 },
                 coded);
}


} // namespace

TEST_CASE("bounds never exceed the energy and cycles of a completion",
          "[search][bound]") {
  int points = 0, bounds = 0;
  checkPrefixBounds(1000, 31, false, points, bounds);
  CHECK(points > 1000);
  CHECK(bounds > 5000);
}

TEST_CASE("bounds stay admissible when the outermost level run-length codes tensors",
          "[search][bound][compression]") {
  // Coded traffic is priced from the coded words (docs/model.md 13), and coding dense data
  // expands it: the bounds must stay below every completion either way.
  int points = 0, bounds = 0;
  checkPrefixBounds(400, 43, true, points, bounds);
  CHECK(points > 400);
  CHECK(bounds > 2000);
}

TEST_CASE("bounds cached within a frame never exceed the energy and cycles of "
          "a completion",
          "[search][bound]") {
  // As the tree's factor steps use them: between beginFrame(l) and endFrame(),
  // bounds of siblings that differ only in level l's factors (whole, or with
  // some dims still undecided) share the flows the frame caches; the point's
  // own bounds must stay admissible.
  int bounds = 0;
  forValidPoints(
      800, 2, 10, 57,
      [&](uint64_t seed, const SearchCase &c, const Mapspace &space,
          Bounder &bounder, Rng &rng, const Point &p,
          const cost::CostReport &report) {
        int L = space.numLevels(), D = space.numDims();
        std::unique_ptr<bool[]> known(new bool[L]);
        for (int l = 0; l < L; ++l)
          known[l] = true;
        for (int l = L - 1; l >= 0; --l) {
          // The largest factor level l can take per dim (the rest of the dim
          // above it).
          std::vector<int64_t> largest(D);
          for (int d = 0; d < D; ++d)
            largest[d] = p.temporal[l * D + d] * (l > 0 ? p.temporal[d] : 1);
          auto boundOf = [&](const Point &q, DimMask decidedDims,
                             bool partial) {
            Decided dec{known.get(), partial ? l + 1 : l};
            if (partial) {
              dec.partialLevel = l;
              dec.partialDecided = decidedDims;
              dec.partialMax = largest.data();
            }
            double energy, cycles;
            bounder.bound(q, dec, energy, cycles);
            return std::pair{energy, cycles};
          };
          bounder.beginFrame(l);
          for (int sibling = 0; sibling < 4; ++sibling) {
            Point q = p;
            for (int d = 0; d < D && l > 0; ++d) {
              std::vector<int64_t> divisors;
              for (int64_t f = 1; f <= largest[d]; ++f)
                if (largest[d] % f == 0)
                  divisors.push_back(f);
              q.temporal[l * D + d] = divisors[rng.below(divisors.size())];
              q.temporal[d] = largest[d] / q.temporal[l * D + d];
            }
            // Partial bounds as generateFactors makes them: undecided factors
            // at 1 (not at level 0, whose only candidate is the rest of each
            // dim).
            bool partial = l > 0 && sibling % 2 == 1;
            DimMask decidedDims = static_cast<DimMask>(rng.next());
            for (int d = 0; d < D && partial; ++d)
              if (!(decidedDims >> d & 1))
                q.temporal[l * D + d] = 1;
            boundOf(q, decidedDims, partial);
          }
          DimMask decidedDims = static_cast<DimMask>(rng.next());
          Point partialP = p;
          for (int d = 0; d < D; ++d)
            if (!(decidedDims >> d & 1))
              partialP.temporal[l * D + d] = 1;
          INFO("seed " << seed << " frame level " << l << "\n"
                       << describe(c) << describePoint(space, p)
                       << cost::toString(report, c.problem, c.arch));
          std::vector<std::pair<double, double>> own{boundOf(p, 0, false)};
          if (l > 0)
            own.push_back(boundOf(partialP, decidedDims, true));
          for (auto [energy, cycles] : own) {
            ++bounds;
            CHECK(energy <= report.totalEnergy * (1 + 1e-12));
            CHECK(cycles <= static_cast<double>(report.cycles));
          }
          bounder.endFrame();
        }
      });
  CHECK(bounds > 3000);
}
