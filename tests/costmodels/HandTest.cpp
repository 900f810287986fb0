// Hand-computed cases: each expected number is derived in the comments from docs/model.md rules.
#include "tessel/cost/Analytical.h"
#include "tessel/cost/Oracle.h"

#include "ProblemBuilder.h"

#include <catch2/catch.hpp>

using namespace tessel::cost;

namespace {

using test::counts;
using test::evaluateBoth;
using test::level;
using test::makeProblem;
using test::matmul;

/// O[p] += I[p + r] * W[r], P = 4, R = 3.
Problem threeTapConv() {
  return makeProblem({{"p", 4}, {"r", 3}},
                     {{"I", {{{"p", 1}, {"r", 1}}}, false},
                      {"W", {{{"r", 1}}}, false},
                      {"O", {{{"p", 1}}}, true}});
}

} // namespace

TEST_CASE("one-level 2x2x2 matmul", "[cost][hand]") {
  // DRAM feeds one MAC; loops m2 n2 k2 at DRAM: 8 steps, one MAC per step.
  Problem p = matmul(2, 2, 2);
  Arch a;
  a.levels = {level("DRAM", 7)};
  a.fanOuts = {FanOut{}};
  a.compute.macEnergy = 2;
  Mapping m;
  m.levels = {LevelMapping{{{0, 2}, {1, 2}, {2, 2}}, {}, 0}};
  CostReport r = evaluateBoth(p, a, m);
  // A and B: the MAC reads one operand of each per step: 8 reads each.
  CHECK(r.at(0, 0).total == counts(0, 8, 0, 0));
  CHECK(r.at(0, 1).total == counts(0, 8, 0, 0));
  // C: 8 updates (one per MAC); each of the 4 outputs is touched twice (k = 0, 1) and only the
  // second touch reads the partial sum back: 8 - 4 = 4 read-backs.
  CHECK(r.at(0, 2).total == counts(0, 0, 8, 4));
  // Network below DRAM: A 8 + B 8 + C (4 read-backs down + 8 updates up) = 28.
  CHECK(r.networkTransfers[0] == 28);
  CHECK(r.cycles == 8);
  CHECK(r.macEnergy == 16);
}

TEST_CASE("3-tap 1-D convolution reuses the sliding window", "[cost][hand]") {
  // O[p] += I[p + r] * W[r], P = 4, R = 3. DRAM -> buffer (keeps all) -> one MAC.
  // Loops: DRAM p4; buffer r3. Buffer tiles: I {p..p+2} (3), W {0,1,2} (3), O {p} (1).
  Problem p = threeTapConv();
  Arch a;
  a.levels = {level("DRAM", 7), level("Buf", 7)};
  a.fanOuts = {FanOut{}, FanOut{}};
  Mapping m;
  m.levels = {LevelMapping{{{0, 4}}, {}, 0}, LevelMapping{{{1, 3}}, {}, 0}};
  CostReport r = evaluateBoth(p, a, m);
  // I at Buf: 3 on the first step, then each of 3 advances of p slides the window by 1 and
  // keeps 2 of 3: 3 + 3 * 1 = 6 fills, 6 DRAM reads. The MAC reads I 12 times (12 MACs).
  CHECK(r.at(1, 0).total == counts(6, 12, 0, 0));
  CHECK(r.at(0, 0).total == counts(0, 6, 0, 0));
  // W at Buf: filled once (3), never changes; 12 MAC reads.
  CHECK(r.at(1, 1).total == counts(3, 12, 0, 0));
  CHECK(r.at(0, 1).total == counts(0, 3, 0, 0));
  // O at Buf: 4 elements enter once each, all first touches: 0 fills (no read-back), 4 drains;
  // 12 MAC updates, each element touched 3 times so 12 - 4 = 8 read-backs to the MAC.
  CHECK(r.at(1, 2).total == counts(0, 4, 12, 8));
  // O at DRAM: 4 updates (one per drained element), no read-backs.
  CHECK(r.at(0, 2).total == counts(0, 0, 4, 0));
}

TEST_CASE("output read-back when a partial sum re-enters", "[cost][hand]") {
  // C[m] += A[m, k] * B[k], M = K = 2. DRAM loops k2 (outer), m2 (inner); buffer keeps C only.
  // Buffer's C tile is one element: c0, c1, c0, c1 over the 4 steps.
  Problem p = makeProblem({{"m", 2}, {"k", 2}},
                          {{"A", {{{"m", 1}}, {{"k", 1}}}, false},
                           {"B", {{{"k", 1}}}, false},
                           {"C", {{{"m", 1}}}, true}});
  Arch a;
  a.levels = {level("DRAM", 7), level("Buf", 4)};
  a.fanOuts = {FanOut{}, FanOut{}};
  Mapping m;
  m.levels = {LevelMapping{{{1, 2}, {0, 2}}, {}, 0}, LevelMapping{}};
  CostReport r = evaluateBoth(p, a, m);
  // 4 entries into Buf, 2 of them first touches: 2 fills (read-backs from DRAM); every entry
  // leaves again: 4 drains, i.e. 4 DRAM updates. MAC: 4 updates, 4 - 2 = 2 read-backs.
  CHECK(r.at(1, 2).total == counts(2, 4, 4, 2));
  CHECK(r.at(0, 2).total == counts(0, 0, 4, 2));
  // A and B bypass Buf: the MAC reads them from DRAM every step.
  CHECK(r.at(0, 0).total.reads == 4);
  CHECK(r.at(0, 1).total.reads == 4);
}

TEST_CASE("multicast and reduction networks", "[cost][hand]") {
  // C[m] += A[m, k] * B[k], M = K = 2, DRAM feeds 2 MACs on X.
  Problem p = makeProblem({{"m", 2}, {"k", 2}},
                          {{"A", {{{"m", 1}}, {{"k", 1}}}, false},
                           {"B", {{{"k", 1}}}, false},
                           {"C", {{{"m", 1}}}, true}});
  for (bool net : {false, true}) {
    Arch a;
    a.levels = {level("DRAM", 7)};
    FanOut f;
    f.x = 2;
    f.multicast = f.reduction = net;
    a.fanOuts = {f};
    // Spatial m: both MACs need the same B[k] each step: 2 steps x 1 read with multicast,
    // x 2 without. A differs per MAC: 4 reads either way.
    Mapping sm;
    sm.levels = {LevelMapping{{{1, 2}}, {{0, 2, Axis::X}}, 0}};
    CostReport r = evaluateBoth(p, a, sm);
    CHECK(r.at(0, 1).total.reads == (net ? 2 : 4));
    CHECK(r.at(0, 0).total.reads == 4);
    // Spatial k: both MACs produce partials of the same C[m] each step: with a reduction
    // network they are added before 1 update per step (2), without each updates (4).
    // Read-backs: each (group, element) is touched once per MAC, so none.
    Mapping sk;
    sk.levels = {LevelMapping{{{0, 2}}, {{1, 2, Axis::X}}, 0}};
    r = evaluateBoth(p, a, sk);
    CHECK(r.at(0, 2).total == counts(0, 0, net ? 2 : 4, 0));
    CHECK(r.at(0, 0).total.reads == 4);
  }
}

TEST_CASE("checkMapping reports violations as values", "[cost][check]") {
  Problem p = matmul(4, 2, 3);
  Arch a;
  a.levels = {level("DRAM", 7), level("Buf", 1)};
  a.levels[1].capacityWords = 2;
  FanOut f;
  f.x = 2;
  a.fanOuts = {f, FanOut{}};
  Mapping good;
  good.levels = {LevelMapping{{{0, 2}, {1, 2}, {2, 3}}, {{0, 2, Axis::X}}, 0}, LevelMapping{}};
  CHECK(checkMapping(p, a, good).empty());

  Mapping badFactor = good;
  badFactor.levels[0].temporal[2].factor = 2; // k factors multiply to 2, bound 3
  CHECK(checkMapping(p, a, badFactor).size() == 1);

  Mapping badSpatial = good;
  badSpatial.levels[0].spatial[0] = {0, 4, Axis::X}; // 4 on a 2-wide X; m factors 8
  CHECK(checkMapping(p, a, badSpatial).size() == 2);

  Mapping badCapacity = good;
  badCapacity.levels[0].temporal[2].factor = 1;
  badCapacity.levels[1].temporal = {{2, 3}}; // Buf's A tile now holds 3 > 2 words
  CHECK(checkMapping(p, a, badCapacity).size() == 1);

  Mapping badBypass = good;
  badBypass.levels[1].bypass = 2; // Buf cannot keep B anyway
  CHECK(checkMapping(p, a, badBypass).size() == 1);
  badBypass.levels[0].bypass = 1; // DRAM must keep everything
  CHECK(checkMapping(p, a, badBypass).size() == 2);

  // The analytical model's quick check must agree with checkMapping on every bad mapping.
  AnalyticalModel model(p, a);
  for (const Mapping *bad : {&badFactor, &badSpatial, &badCapacity, &badBypass})
    CHECK(model.evaluate(*bad).violations == checkMapping(p, a, *bad));
  CHECK(model.evaluate(good).valid);

  Mapping badDim = good;
  badDim.levels[1].temporal = {{9, 1}};
  CHECK(!checkMapping(p, a, badDim).empty());
  CHECK(!AnalyticalModel(p, a).evaluate(badDim).valid);
  CHECK(!evaluateOracle(p, a, badDim).valid);

  Problem nonSeparable = makeProblem({{"p", 2}, {"r", 2}},
                                     {{"I", {{{"p", 1}}, {{"p", 1}, {"r", 1}}}, false},
                                      {"O", {{{"p", 1}}}, true}});
  CHECK(validateProblem(nonSeparable).size() == 1);
}

TEST_CASE("both models reject a tile beyond capacity with the same message", "[cost][check]") {
  Problem p = matmul(4, 2, 3);
  Arch a;
  a.levels = {level("DRAM", 7), level("Buf", 1)};
  a.levels[1].capacityWords = 2;
  a.fanOuts = {FanOut{}, FanOut{}};
  Mapping m;
  m.levels = {LevelMapping{{{0, 4}, {1, 2}}, {}, 0}, LevelMapping{{{2, 3}}, {}, 0}};
  CostReport fast = AnalyticalModel(p, a).evaluate(m);
  CostReport oracle = evaluateOracle(p, a, m);
  CHECK(!fast.valid);
  CHECK(!oracle.valid);
  CHECK(fast.violations == oracle.violations);
  REQUIRE(fast.violations.size() == 1);
  CHECK(fast.violations[0] == "level 1 'Buf' needs 3 words for its tiles, capacity is 2");
  // DRAM with too small a capacity for whole tensors: A 12 + B 6 + C 8 = 26 words.
  a.levels[0].capacityWords = 25;
  a.levels[1].capacityWords = 0;
  fast = AnalyticalModel(p, a).evaluate(m);
  CHECK(fast.violations == evaluateOracle(p, a, m).violations);
  REQUIRE(fast.violations.size() == 1);
  CHECK(fast.violations[0] == "level 0 'DRAM' needs 26 words for its tiles, capacity is 25");
}

TEST_CASE("a bypass of tensor bit 31 is one violation, not a hang", "[cost][check]") {
  Problem p = matmul(2, 2, 2);
  Arch a;
  a.levels = {level("DRAM", 7), level("Buf", 7)};
  a.fanOuts = {FanOut{}, FanOut{}};
  Mapping m;
  m.levels = {LevelMapping{{{0, 2}, {1, 2}, {2, 2}}, {}, 0}, LevelMapping{{}, {}, 1u << 31}};
  std::vector<std::string> v = checkMapping(p, a, m);
  REQUIRE(v.size() == 1);
  CHECK(v[0] == "level 1 'Buf' bypasses unknown tensor #31 which it cannot keep anyway");
  CHECK(AnalyticalModel(p, a).evaluate(m).violations == v);
}

TEST_CASE("network, latency and energy of the 3-tap convolution", "[cost][hand]") {
  // The sliding-window case above, with bandwidths and energies (docs/model.md sections 6, 7).
  Problem p = threeTapConv();
  Arch a;
  a.levels = {level("DRAM", 7), level("Buf", 7)};
  a.levels[0].blockWords = 4;
  a.levels[0].readEnergy = 10;
  a.levels[0].updateEnergy = 20;
  a.levels[1].readBandwidth = 2;
  a.levels[1].readEnergy = 1;
  a.levels[1].writeEnergy = 2;
  a.levels[1].updateEnergy = 3;
  a.levels[1].leakage = 0.5;
  FanOut belowDram;
  belowDram.hopEnergy = 1;
  a.fanOuts = {belowDram, FanOut{}};
  a.compute.macEnergy = 0.5;
  Mapping m;
  m.levels = {LevelMapping{{{0, 4}}, {}, 0}, LevelMapping{{{1, 3}}, {}, 0}};
  CostReport r = evaluateBoth(p, a, m);
  // Network below DRAM: I 6 + W 3 entries, O 0 read-backs + 4 drains = 13. Below Buf (to the
  // MAC): I 12 + W 12, O 8 read-backs + 12 updates = 44.
  CHECK(r.networkTransfers == std::vector<int64_t>{13, 44});
  // Buf reads 12 + 12 + 4 drains + 8 read-backs = 36 words at 2 per cycle: 18 cycles > 12 MACs.
  CHECK(r.levelCycles[1] == 18);
  CHECK(r.cycles == 18);
  CHECK(r.boundBy(a) == "Buf");
  CHECK(r.utilization == Approx(12.0 / 18.0));
  // Buf: reads 28 x 1 + read-backs 8 x 1 + fills 9 x 2 + updates 12 x 3 = 90 pJ.
  // DRAM, billed per 4-word block: I 6 reads -> 2 blocks, W 3 -> 1, O 4 updates -> 1:
  // 2 x 10 + 1 x 10 + 1 x 20 = 50 pJ. MACs 12 x 0.5 = 6, network 13 x 1, leakage 18 x 0.5 = 9.
  CHECK(r.storageEnergy == 140);
  CHECK(r.macEnergy == 6);
  CHECK(r.networkEnergy == 13);
  CHECK(r.leakageEnergy == 9);
  CHECK(r.totalEnergy == 168);

  // A shared (read plus write) port on Buf (docs/model.md section 7): it also carries the
  // 9 fills and 12 updates, 36 + 21 = 57 words. At 3 words per cycle, ceil(57 / 3) = 19 cycles,
  // more than the read port's 18; at 4, ceil(57 / 4) = 15 and the read port binds again.
  a.levels[1].sharedBandwidth = 3;
  CostReport shared = evaluateBoth(p, a, m);
  CHECK(shared.levelCycles[1] == 19);
  CHECK(shared.cycles == 19);
  CHECK(shared.boundBy(a) == "Buf");
  CHECK(shared.leakageEnergy == 9.5);
  a.levels[1].sharedBandwidth = 4;
  CHECK(evaluateBoth(p, a, m).levelCycles[1] == 18);
  // The shared port alone (no read or write limit): ceil(57 / 4) = 15 cycles.
  a.levels[1].readBandwidth = 0;
  CHECK(evaluateBoth(p, a, m).levelCycles[1] == 15);
}
