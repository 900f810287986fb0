// Imperfect factorisation (docs/model.md section 12), hand-computed: partial last tiles, idle
// instances, active-instance figures, both conventions, and the validity messages.
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

FanOut wide(int64_t x, bool multicast) {
  FanOut f;
  f.x = x;
  f.multicast = multicast;
  return f;
}

/// O[p] += I[p], P = 5.
Problem copyFive() {
  return makeProblem({{"p", 5}}, {{"I", {{{"p", 1}}}, false}, {"O", {{{"p", 1}}}, true}});
}

/// DRAM -> Buf (both keep I and O) -> one MAC, the fan-out below DRAM `below` wide.
Arch dramBuf(int64_t below = 1) {
  Arch a;
  a.levels = {level("DRAM", 3), level("Buf", 3)};
  a.fanOuts = {wide(below, false), FanOut{}};
  return a;
}

/// P = 5 as DRAM p2 (outer) x Buf p3: 6 >= 5, and 2 = ceil(5 / 3).
Mapping twoByThree() {
  Mapping m;
  m.levels = {LevelMapping{{{0, 2}}, {}, 0}, LevelMapping{{{0, 3}}, {}, 0}};
  return m;
}

} // namespace

TEST_CASE("imperfect: the last tile of a dim is partial", "[cost][imperfect]") {
  // O[p] += I[p], P = 5 as DRAM p2 (outer) x Buf p3; DRAM -> Buf (keeps both) -> one MAC.
  // The Buf tiles are p in [0, 3), then [3, 6) clipped to {3, 4}.
  Problem p = copyFive();
  Arch a = dramBuf();
  Mapping m = twoByThree();
  REQUIRE(checkMapping(p, a, m).empty());
  for (Convention convention : {Convention::Tessel, Convention::Timeloop}) {
    CostReport r = evaluateBoth(p, a, m, convention);
    // I: 3 + 2 elements enter Buf (5 fills, 5 DRAM reads); the MAC reads 5 operands, one per
    // unmasked iteration (the sixth iteration, p = 5, is masked).
    CHECK(r.at(0, 0).total == counts(0, 5, 0, 0));
    CHECK(r.at(1, 0).total == counts(5, 5, 0, 0));
    // O: 5 outputs enter Buf for the first time (no read-back) and drain to DRAM once each.
    CHECK(r.at(0, 1).total == counts(0, 0, 5, 0));
    CHECK(r.at(1, 1).total == counts(0, 5, 5, 0));
    // Six compute cycles for 5 MACs: the masked iteration idles.
    CHECK(r.macs == 5);
    CHECK(r.computeCycles == 6);
    CHECK(r.utilization == Approx(5.0 / 6.0));
    CHECK(r.activeComputeUnits == 1);
    CHECK(r.averageActiveComputeUnits == Approx(5.0 / 6.0));
  }
}

TEST_CASE("imperfect: compute units idle in a partial spatial tile", "[cost][imperfect]") {
  // C[m] += A[m, k] * B[k], M = 3, K = 2. DRAM loops m2 k2 and spatial m2 on a 2-wide fan-out
  // to 2 MACs: m = 2 * mt + x, and at mt = 1 the MAC at x = 1 (m = 3) is masked.
  Problem p = makeProblem({{"m", 3}, {"k", 2}}, {{"A", {{{"m", 1}}, {{"k", 1}}}, false},
                                                 {"B", {{{"k", 1}}}, false},
                                                 {"C", {{{"m", 1}}}, true}});
  for (bool multicast : {true, false}) {
    Arch a;
    a.levels = {level("DRAM", 7)};
    a.fanOuts = {wide(2, multicast)};
    Mapping m;
    m.levels = {LevelMapping{{{0, 2}, {1, 2}}, {{0, 2, Axis::X}}, 0}};
    CostReport r = evaluateBoth(p, a, m);
    // B[k]: one multicast read per step (4), or one per busy MAC (6 = macs).
    CHECK(r.at(0, 1).total == counts(0, multicast ? 4 : 6, 0, 0));
    // A: one read per MAC; C: one update per MAC, each output read back on its second touch.
    CHECK(r.at(0, 0).total == counts(0, 6, 0, 0));
    CHECK(r.at(0, 2).total == counts(0, 0, 6, 3));
    // Both MACs work at the first steps; on average 6 MACs / 4 cycles.
    CHECK(r.activeComputeUnits == 2);
    CHECK(r.averageActiveComputeUnits == 1.5);
    CHECK(r.utilization == Approx(6.0 / (4.0 * 2.0)));
  }
}

TEST_CASE("imperfect: an idle instance holds nothing", "[cost][imperfect]") {
  // O[q, p] += I[c, q, p] * W[c], Q = 2, P = 3, C = 2. DRAM loops q2 p2, spatial p2 on a
  // 2-wide fan-out to two PE buffers keeping W; each PE loops c2. PE x computes p = 2 t + x;
  // PE 1 is idle at t = 1 (p = 3), so over the steps (q, t) = (0,0) (0,1) (1,0) (1,1) it works,
  // idles, works, idles.
  Problem p = makeProblem({{"q", 2}, {"p", 3}, {"c", 2}},
                          {{"I", {{{"c", 1}}, {{"q", 1}}, {{"p", 1}}}, false},
                           {"W", {{{"c", 1}}}, false},
                           {"O", {{{"q", 1}}, {{"p", 1}}}, true}});
  for (bool multicast : {true, false}) {
    Arch a;
    a.levels = {level("DRAM", 7), level("PE", 2)};
    a.fanOuts = {wide(2, multicast), FanOut{}};
    Mapping m;
    m.levels = {LevelMapping{{{0, 2}, {1, 2}}, {{1, 2, Axis::X}}, 0},
                LevelMapping{{{2, 2}}, {}, 0}};
    CostReport r = evaluateBoth(p, a, m);
    // W's PE tile is {0, 1}. PE 0 keeps it throughout: 2 fills. PE 1 holds nothing while idle,
    // so it is filled at (0,0) and again at (1,0): 4 fills. Multicast DRAM reads: 2 at (0,0)
    // (both PEs), 2 at (1,0) (PE 1 only): 4; without multicast 6.
    CHECK(r.at(1, 1).total.fills == 6);
    CHECK(r.at(0, 1).total.reads == (multicast ? 4 : 6));
    // The PE buffers serve one W operand per MAC: 2 x 3 x 2 = 12.
    CHECK(r.at(1, 1).total.reads == 12);
    // Both PEs are used; 2, 1, 2, 1 of them work at the four steps.
    CHECK(r.activeInstances[1] == 2);
    CHECK(r.averageActive(1) == 1.5);
    CHECK(r.activeComputeUnits == 2);
    CHECK(r.averageActiveComputeUnits == 12.0 / 8.0);
    // Per-instance counts average over the active instances: 6 fills / 2 PEs.
    CHECK(r.at(1, 1).perInstance.fills == 3);
  }
}

TEST_CASE("imperfect: a sliding window over a partial tile, both conventions",
          "[cost][imperfect]") {
  // O[p] += I[p + r] * W[r], P = 5, R = 3. DRAM loops p2 p3 (6 >= 5, 2 = ceil(5 / 3)); Buf
  // keeps I and loops r3; one MAC. Buf's I tile is {p, p+1, p+2} for p = 0..4, then empty
  // (p = 5 is masked).
  Problem p = makeProblem({{"p", 5}, {"r", 3}}, {{"I", {{{"p", 1}, {"r", 1}}}, false},
                                                 {"W", {{{"r", 1}}}, false},
                                                 {"O", {{{"p", 1}}}, true}});
  Arch a;
  a.levels = {level("DRAM", 7), level("Buf", 1)};
  a.fanOuts = {FanOut{}, FanOut{}};
  Mapping m;
  m.levels = {LevelMapping{{{0, 2}, {0, 3}}, {}, 0}, LevelMapping{{{1, 3}}, {}, 0}};
  // tessel: 3, then +1 at each of p = 1, 2, 3, 4: 7 fills (the whole input, once).
  CostReport tessel = evaluateBoth(p, a, m, Convention::Tessel);
  CHECK(tessel.at(1, 0).total.fills == 7);
  // timeloop: the outer loop moves the window by 3 - 1 = 2, not the inner loop's 1: a refill
  // at p = 3 (3 elements); p = 4 slides (+1); the masked p = 5 brings nothing: 3+1+1+3+1 = 9.
  CostReport timeloop = evaluateBoth(p, a, m, Convention::Timeloop);
  CHECK(timeloop.at(1, 0).total.fills == 9);
  CHECK(tessel.macs == 15);
  CHECK(tessel.computeCycles == 18);
}

TEST_CASE("imperfect: checkMapping says which loop overshoots", "[cost][imperfect][check]") {
  Problem p = copyFive();
  Arch a = dramBuf(4);
  auto both = [&](const Mapping &m) {
    std::vector<std::string> violations = checkMapping(p, a, m);
    CHECK(AnalyticalModel(p, a).evaluate(m).violations == violations);
    CHECK(evaluateOracle(p, a, m).violations == violations);
    return violations;
  };
  Mapping m;
  // 3 x 3 = 9 covers 5, but 2 outer iterations already do: the third would be all masked.
  m.levels = {LevelMapping{{{0, 3}}, {}, 0}, LevelMapping{{{0, 3}}, {}, 0}};
  CHECK(both(m) == std::vector<std::string>{
                       "factors of dim 'p' multiply to 9, more than its bound 5: the outermost "
                       "loop over 'p' (level 0 'DRAM', factor 3) must take ceil(5 / 3) = 2 "
                       "iterations, the fewest that cover the bound (imperfect factorisation)"});
  // The outermost loop may be spatial: 2 x 3 covers 5 with the fan-out's second child partial.
  m.levels = {LevelMapping{{}, {{0, 2, Axis::X}}, 0}, LevelMapping{{{0, 3}}, {}, 0}};
  CHECK(both(m).empty());
  m.levels[0].spatial[0].factor = 4;
  CHECK(both(m) == std::vector<std::string>{
                       "factors of dim 'p' multiply to 12, more than its bound 5: the outermost "
                       "loop over 'p' (spatial, level 0 'DRAM', factor 4) must take ceil(5 / 3) "
                       "= 2 iterations, the fewest that cover the bound (imperfect "
                       "factorisation)"});
  // Too few iterations stay an error as before.
  m.levels = {LevelMapping{{{0, 2}}, {}, 0}, LevelMapping{{{0, 2}}, {}, 0}};
  CHECK(both(m) == std::vector<std::string>{"factors of dim 'p' multiply to 4, bound is 5"});
}

TEST_CASE("imperfect: capacity counts the largest, first tile", "[cost][imperfect][check]") {
  // P = 5 as DRAM p2 x Buf p3: Buf's tiles of I and O hold 3 elements at most (then 2).
  Problem p = copyFive();
  Arch a = dramBuf();
  Mapping m = twoByThree();
  a.levels[1].capacityWords = 6;
  CHECK(checkMapping(p, a, m).empty());
  a.levels[1].capacityWords = 5;
  CHECK(checkMapping(p, a, m) ==
        std::vector<std::string>{"level 1 'Buf' needs 6 words for its tiles, capacity is 5"});
  CHECK(AnalyticalModel(p, a).evaluate(m).violations == checkMapping(p, a, m));
  // A level holding the whole padded dim holds only the bound: DRAM p1, Buf p2 x p3 -> 5.
  m.levels = {LevelMapping{}, LevelMapping{{{0, 2}, {0, 3}}, {}, 0}};
  a.levels[1].capacityWords = 10;
  CHECK(checkMapping(p, a, m).empty());
}

TEST_CASE("imperfect: Eyeriss row-stationary folds, shrunk, match the oracle",
          "[cost][imperfect]") {
  // An Eyeriss-like hierarchy: DRAM -> GLB (inputs, outputs) -> 12 x 14 PEs (multicast and
  // reduction) with ifmap, filter and psum spads. The convolution keeps AlexNet's folded dims
  // (R filter rows, P output rows) and shrinks the rest so that the oracle can walk it.
  Arch a;
  a.levels = {level("DRAM", 7), level("GLB", 5), level("ifmap_spad", 1), level("filter_spad", 2),
              level("psum_spad", 4)};
  FanOut array;
  array.x = 14;
  array.y = 12;
  array.multicast = array.reduction = true;
  a.fanOuts = {FanOut{}, array, FanOut{}, FanOut{}, FanOut{}};
  auto conv = [](int64_t rows, int64_t filterRows, int64_t stride) {
    return makeProblem({{"K", 2}, {"P", rows}, {"Q", 2}, {"R", filterRows}, {"S", 2}},
                       {{"I", {{{"P", stride}, {"R", 1}}, {{"Q", stride}, {"S", 1}}}, false},
                        {"W", {{{"K", 1}}, {{"R", 1}}, {{"S", 1}}}, false},
                        {"O", {{{"K", 1}}, {{"P", 1}}, {{"Q", 1}}}, true}});
  };
  enum { K, P, Q, R, S };
  auto mapping = [](std::vector<TemporalLoop> dram, std::vector<SpatialLoop> array) {
    Mapping m;
    m.levels = {LevelMapping{std::move(dram), {}, 0}, LevelMapping{{{Q, 2}}, std::move(array), 0},
                LevelMapping{}, LevelMapping{}, LevelMapping{{{S, 2}, {K, 2}}, {}, 0}};
    return m;
  };
  for (Convention convention : {Convention::Tessel, Convention::Timeloop}) {
    // CONV2's fold: P = 27 as P2 on y x P14 on x, R5 on y: 5 x 27 = 135 PEs.
    CostReport conv2 =
        evaluateBoth(conv(27, 5, 1), a,
                     mapping({}, {{P, 2, Axis::Y}, {R, 5, Axis::Y}, {P, 14, Axis::X}}), convention);
    CHECK(conv2.activeInstances[2] == 135);
    CHECK(conv2.averageActive(2) == 135);
    CHECK(conv2.activeComputeUnits == 135);
    // CONV1's: P = 55 (stride 4) as DRAM P4 x P14 on x, R11 on y: 154 PEs, 151.25 on average.
    CostReport conv1 = evaluateBoth(
        conv(55, 11, 4), a, mapping({{P, 4}}, {{P, 14, Axis::X}, {R, 11, Axis::Y}}), convention);
    CHECK(conv1.activeInstances[2] == 154);
    CHECK(conv1.averageActive(2) == 151.25);
    CHECK(conv1.averageActiveComputeUnits == 151.25);
  }
}
