// Property test: the analytical model equals the brute-force oracle on thousands of random cases.
#include "RandomCase.h"
#include "Shrink.h"

#include "tessel/cost/Analytical.h"
#include "tessel/cost/Oracle.h"
#include "tessel/cost/Roofline.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <sstream>

using namespace tessel::cost;
using namespace tessel::cost::testing;

namespace {

/// Every integer the two models produce, compared exactly; returns the differences.
std::string compareReports(const CostReport &oracle, const CostReport &fast, const Case &c) {
  std::ostringstream diff;
  auto check = [&](const std::string &what, int64_t a, int64_t b) {
    if (a != b)
      diff << "  " << what << ": oracle " << a << ", analytical " << b << '\n';
  };
  if (oracle.valid != fast.valid || !oracle.valid) {
    diff << "  validity: oracle " << oracle.valid << ", analytical " << fast.valid << '\n';
    return diff.str();
  }
  auto checkReal = [&](const std::string &what, double a, double b) {
    if (a != b)
      diff << "  " << what << ": oracle " << a << ", analytical " << b << '\n';
  };
  check("macs", oracle.macs, fast.macs);
  check("computeCycles", oracle.computeCycles, fast.computeCycles);
  check("cycles", oracle.cycles, fast.cycles);
  check("active compute units", oracle.activeComputeUnits, fast.activeComputeUnits);
  checkReal("average active compute units", oracle.averageActiveComputeUnits,
            fast.averageActiveComputeUnits);
  for (size_t l = 0; l < c.arch.levels.size(); ++l) {
    std::string lv = "L" + std::to_string(l) + " ";
    check(lv + "active instances", oracle.activeInstances[l], fast.activeInstances[l]);
    checkReal(lv + "average active instances", oracle.averageActive(l), fast.averageActive(l));
    check(lv + "transfer cycles", oracle.levelCycles[l], fast.levelCycles[l]);
    check(lv + "network transfers", oracle.networkTransfers[l], fast.networkTransfers[l]);
    for (size_t t = 0; t < c.problem.tensors.size(); ++t) {
      std::string at = lv + c.problem.tensors[t].name + " ";
      for (int per = 0; per < 2; ++per) {
        const AccessCounts &a = per ? oracle.at(l, t).perInstance : oracle.at(l, t).total;
        const AccessCounts &b = per ? fast.at(l, t).perInstance : fast.at(l, t).total;
        std::string kind = per ? "per-instance " : "total ";
        check(at + kind + "fills", a.fills, b.fills);
        check(at + kind + "reads", a.reads, b.reads);
        check(at + kind + "updates", a.updates, b.updates);
        check(at + kind + "readBacks", a.readBacks, b.readBacks);
      }
    }
  }
  if (oracle.totalEnergy != fast.totalEnergy)
    diff << "  totalEnergy: oracle " << oracle.totalEnergy << ", analytical " << fast.totalEnergy
         << '\n';
  return diff.str();
}

/// The differences between the two exact models on `c` under `convention` ("" when equal).
std::string differences(const Case &c, Convention convention) {
  CostReport oracle = evaluateOracle(c.problem, c.arch, c.mapping, convention);
  CostReport fast = AnalyticalModel(c.problem, c.arch, convention).evaluate(c.mapping);
  if (oracle.violations != fast.violations)
    return "  violations differ\n";
  if (!oracle.valid && !fast.valid)
    return "";
  return compareReports(oracle, fast, c);
}

/// Runs one seed under one convention (with imperfect factorisations when `imperfect`); on
/// disagreement fails with a shrunk reproducer. Returns false when checkMapping rejected the
/// case (then only the rejections are compared).
bool checkSeed(uint64_t seed, Convention convention, bool imperfect = false) {
  Case c = randomCase(seed, imperfect);
  std::vector<std::string> violations = checkMapping(c.problem, c.arch, c.mapping);
  INFO("seed " << seed << (imperfect ? " (imperfect)" : "") << ", convention "
               << conventionName(convention) << "\n"
               << describe(c));
  CostReport oracle = evaluateOracle(c.problem, c.arch, c.mapping, convention);
  CostReport fast = AnalyticalModel(c.problem, c.arch, convention).evaluate(c.mapping);
  // Only capacities can make a generated mapping invalid; both models must say so identically.
  for (const std::string &v : violations)
    CHECK(v.find("capacity") != std::string::npos);
  CHECK(oracle.violations == violations);
  CHECK(fast.violations == violations);
  if (!violations.empty()) {
    CHECK(!oracle.valid);
    CHECK(!fast.valid);
    return false;
  }
  std::string diff = compareReports(oracle, fast, c);
  if (!diff.empty()) {
    // Shrink to a small case that still disagrees and print it with its differences.
    Case small = shrinkCase(c, [&](const Case &s) { return !differences(s, convention).empty(); });
    FAIL_CHECK("analytical != oracle for seed " << seed << (imperfect ? " (imperfect)" : "")
                                                << " under convention "
                                                << conventionName(convention) << ":\n"
                                                << diff << "minimal reproducer:\n"
                                                << describe(small) << "its differences:\n"
                                                << differences(small, convention));
  }
  // The roofline is a lower bound of every count, the cycles and the energy.
  CostReport roof = RooflineModel(c.problem, c.arch).evaluate(c.mapping);
  REQUIRE(roof.valid);
  CHECK(roof.cycles <= fast.cycles);
  CHECK(roof.totalEnergy <= fast.totalEnergy);
  for (size_t i = 0; i < fast.stats.size(); ++i) {
    const AccessCounts &r = roof.stats[i].total, &a = fast.stats[i].total;
    CHECK((r.fills <= a.fills && r.reads <= a.reads && r.updates <= a.updates &&
           r.readBacks <= a.readBacks));
  }
  return true;
}

/// Seeds to rerun on every build, under both conventions: append a failing seed here to pin
/// it. No seed has failed so far; seed 0 keeps the mechanism exercised.
constexpr uint64_t kRegressionSeeds[] = {0};

constexpr uint64_t kBaseSeed = 20261125;
constexpr int kNumCases = 10000;
/// Imperfect cases run the general path, which enumerates each dim's tile positions.
constexpr int kNumImperfectCases = 4000;

} // namespace

TEST_CASE("analytical equals oracle on random cases", "[cost][property]") {
  for (Convention convention : {Convention::Tessel, Convention::Timeloop}) {
    WARN("property test, convention " << conventionName(convention) << ": base seed "
                                      << kBaseSeed << ", " << kNumCases
                                      << " cases; rerun one with checkSeed(base + i, convention)");
    int rejected = 0;
    for (int i = 0; i < kNumCases; ++i)
      rejected += !checkSeed(kBaseSeed + static_cast<uint64_t>(i), convention);
    // Most cases must reach the count comparison.
    CHECK(rejected < kNumCases / 5);
    WARN(rejected << " of " << kNumCases << " cases rejected by capacity, the rest compared");
  }
}

TEST_CASE("analytical equals oracle on random imperfect factorisations", "[cost][property]") {
  for (Convention convention : {Convention::Tessel, Convention::Timeloop}) {
    WARN("imperfect property test, convention "
         << conventionName(convention) << ": base seed " << kBaseSeed << ", "
         << kNumImperfectCases
         << " cases; rerun one with checkSeed(base + i, convention, true)");
    int rejected = 0, imperfect = 0, partial = 0;
    for (int i = 0; i < kNumImperfectCases; ++i) {
      uint64_t seed = kBaseSeed + static_cast<uint64_t>(i);
      rejected += !checkSeed(seed, convention, true);
      Case c = randomCase(seed, true);
      imperfect += isImperfect(c);
      CostReport r = AnalyticalModel(c.problem, c.arch, convention).evaluate(c.mapping);
      // Some compute units or instances idle in a partial tile.
      bool idle = r.valid && r.averageActiveComputeUnits < double(r.activeComputeUnits);
      for (size_t l = 0; r.valid && l < r.activeInstances.size(); ++l)
        idle = idle || r.averageActive(l) < double(r.activeInstances[l]);
      partial += idle;
    }
    WARN(imperfect << " of " << kNumImperfectCases << " cases imperfect, " << partial
                   << " with idle instances, " << rejected << " rejected by capacity");
    CHECK(rejected < kNumImperfectCases / 5);
    CHECK(imperfect > kNumImperfectCases / 2);
    CHECK(partial > kNumImperfectCases / 4);
  }
}

TEST_CASE("the Timeloop convention changes many random cases", "[cost][property]") {
  // Guards the property test against comparing two identical conventions.
  int differ = 0, refillMore = 0;
  for (int i = 0; i < kNumCases; ++i) {
    Case c = randomCase(kBaseSeed + static_cast<uint64_t>(i));
    CostReport tessel = AnalyticalModel(c.problem, c.arch).evaluate(c.mapping);
    CostReport timeloop =
        AnalyticalModel(c.problem, c.arch, Convention::Timeloop).evaluate(c.mapping);
    if (!tessel.valid)
      continue;
    bool more = false, same = tessel.totalEnergy == timeloop.totalEnergy;
    for (size_t k = 0; k < tessel.stats.size(); ++k) {
      const AccessCounts &a = tessel.stats[k].total, &b = timeloop.stats[k].total;
      same = same && a == b;
      more = more || b.fills > a.fills;
    }
    differ += !same;
    refillMore += more;
  }
  WARN("the Timeloop convention changes " << differ << " of " << kNumCases << " cases ("
                                          << refillMore << " with more fills)");
  CHECK(differ > 100);
  CHECK(refillMore > 100);
}

TEST_CASE("analytical equals oracle on past failures", "[cost][property]") {
  for (uint64_t seed : kRegressionSeeds)
    for (Convention convention : {Convention::Tessel, Convention::Timeloop})
      checkSeed(seed, convention);
}

TEST_CASE("shrinking keeps a failure and makes the case smaller", "[cost][property]") {
  // A stand-in failure: the Timeloop convention counts more fills than tessel's somewhere.
  auto refills = [](const Case &s) {
    CostReport a = AnalyticalModel(s.problem, s.arch).evaluate(s.mapping);
    CostReport b = AnalyticalModel(s.problem, s.arch, Convention::Timeloop).evaluate(s.mapping);
    if (!a.valid || !b.valid)
      return false;
    for (size_t k = 0; k < a.stats.size(); ++k)
      if (b.stats[k].total.fills > a.stats[k].total.fills)
        return true;
    return false;
  };
  int shrunk = 0, tried = 0;
  for (uint64_t i = 0; i < 4000 && tried < 20; ++i) {
    Case c = randomCase(kBaseSeed + i);
    if (!refills(c))
      continue;
    ++tried;
    Case small = shrinkCase(c, refills);
    INFO("seed " << kBaseSeed + i << "\n" << describe(c) << "shrunk to\n" << describe(small));
    CHECK(refills(small));
    CHECK(checkMapping(small.problem, small.arch, small.mapping).empty());
    CHECK(caseSize(small) <= caseSize(c));
    shrunk += caseSize(small) < caseSize(c);
    // A refill needs a sliding window, two temporal loops above a keeper, and that keeper.
    CHECK(small.arch.levels.size() == 2);
  }
  CHECK(tried == 20);
  CHECK(shrunk >= 10);
}

TEST_CASE("both models reject corrupted mappings exactly as checkMapping does",
          "[cost][property]") {
  int rejected = 0;
  for (uint64_t i = 0; i < 3000; ++i) {
    uint64_t seed = kBaseSeed + 1000000 + i;
    Case c = randomCase(seed);
    Rng rng(seed ^ 0x5eed);
    Mapping &m = c.mapping;
    // One random corruption (some are harmless, e.g. a bypass the level allows).
    size_t level = static_cast<size_t>(rng.pick(0, static_cast<int64_t>(m.levels.size()) - 1));
    LevelMapping &lm = m.levels[level];
    switch (rng.pick(0, 6)) {
    case 0:
      lm.temporal.push_back({static_cast<int>(rng.pick(-2, 12)), 1});
      break;
    case 1:
      lm.temporal.push_back({0, rng.pick(-3, 0)});
      break;
    case 2:
      lm.temporal.push_back({0, rng.pick(2, 5)});
      break;
    case 3:
      lm.spatial.push_back({0, rng.pick(2, 9), rng.coin() ? Axis::X : Axis::Y});
      break;
    case 4:
      lm.bypass |= TensorMask(1) << rng.pick(0, 31);
      break;
    case 5:
      if (rng.coin())
        m.levels.pop_back();
      else
        m.levels.push_back(LevelMapping{});
      break;
    default:
      if (!lm.temporal.empty())
        lm.temporal.front().factor *= rng.pick(2, 3);
      break;
    }
    Convention convention = i % 2 ? Convention::Timeloop : Convention::Tessel;
    INFO("seed " << seed << ", convention " << conventionName(convention) << "\n" << describe(c));
    std::vector<std::string> violations = checkMapping(c.problem, c.arch, c.mapping);
    CostReport fast = AnalyticalModel(c.problem, c.arch, convention).evaluate(c.mapping);
    CostReport oracle = evaluateOracle(c.problem, c.arch, c.mapping, convention);
    CHECK(fast.violations == violations);
    CHECK(oracle.violations == violations);
    CHECK(fast.valid == violations.empty());
    CHECK(oracle.valid == violations.empty());
    if (violations.empty())
      CHECK(compareReports(oracle, fast, c).empty());
    rejected += !violations.empty();
  }
  // Most corruptions must actually be caught.
  CHECK(rejected > 2000);
}
