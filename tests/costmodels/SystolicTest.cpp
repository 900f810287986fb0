// The systolic model against SCALE-Sim's closed forms, every expected value derived by hand.
#include "tessel/cost/Registry.h"
#include "tessel/cost/Systolic.h"

#include "ProblemBuilder.h"

#include <catch2/catch.hpp>

using namespace tessel::cost;

namespace {

using test::makeProblem;

/// O[k,p,q] += I[c,p+r,q+s] * W[k,c,r,s] with K=4, C=3, R=S=2, P=Q=3 (4x4 input):
/// pixels P*Q = 9, filters K = 4, window R*S*C = 12, MACs 432.
Problem smallConv() {
  return makeProblem({{"n", 1}, {"k", 4}, {"c", 3}, {"r", 2}, {"s", 2}, {"p", 3}, {"q", 3}},
                     {{"I", {{{"c", 1}}, {{"p", 1}, {"r", 1}}, {{"q", 1}, {"s", 1}}}, false},
                      {"W", {{{"k", 1}}, {{"c", 1}}, {{"r", 1}}, {{"s", 1}}}, false},
                      {"O", {{{"n", 1}}, {{"k", 1}}, {{"p", 1}}, {{"q", 1}}}, true}});
}

/// Y[m,n] += X[m,k] * W[k,n]: pixels M, filters N, window K.
Problem matmul(int64_t m, int64_t n, int64_t k) {
  return makeProblem({{"m", m}, {"n", n}, {"k", k}},
                     {{"X", {{{"m", 1}}, {{"k", 1}}}, false},
                      {"W", {{{"k", 1}}, {{"n", 1}}}, false},
                      {"Y", {{{"m", 1}}, {{"n", 1}}}, true}});
}

StorageLevel level(const std::string &name, double read, double write) {
  StorageLevel l;
  l.name = name;
  l.readEnergy = read;
  l.writeEnergy = l.updateEnergy = write;
  return l;
}

/// DRAM -> SRAM -> rows x cols array of MACs.
Arch twoLevels(int64_t rows, int64_t cols) {
  Arch a;
  a.name = "sa";
  a.levels = {level("DRAM", 100, 100), level("SRAM", 2, 3)};
  a.fanOuts = {FanOut{}, FanOut{cols, rows, false, false, 0.5}};
  a.compute.macEnergy = 1;
  return a;
}

SystolicStats statsOf(const Problem &p, int64_t rows, int64_t cols, SystolicDataflow flow,
                      bool quirks = true) {
  SystolicShape shape;
  REQUIRE(systolicShape(p, shape).empty());
  return systolicStats(shape, rows, cols, flow, quirks);
}

} // namespace

TEST_CASE("weight stationary on a 4x4 array", "[systolic]") {
  // S_R = window 12, S_C = filters 4, T = pixels 9; F_r = ceil(12/4) = 3, F_c = 1.
  SystolicStats s = statsOf(smallConv(), 4, 4, SystolicDataflow::WeightStationary);
  CHECK(s.spatialRows == 12);
  CHECK(s.spatialCols == 4);
  CHECK(s.temporal == 9);
  CHECK(s.rowFolds == 3);
  CHECK(s.colFolds == 1);
  CHECK(s.linesPerFold == 19);           // 2*4 + 4 + 9 - 2
  CHECK(s.cycles == 56);                 // 3 * 19 - 1
  CHECK(s.mappingEfficiency == 1.0);     // 12*4 / (3 * 16)
  CHECK(s.computeUtilization == Approx(9.0 / 22)); // L' = 8 + 8 + 9 - 3
  CHECK(s.ifmapReads == 108);            // T * S_R * F_c
  CHECK(s.filterReads == 48);            // S_R * S_C
  CHECK(s.ofmapWrites == 108);           // T * S_C * F_r
}

TEST_CASE("output stationary on a 4x4 array, with and without SCALE-Sim's quirk", "[systolic]") {
  // S_R = pixels 9, S_C = filters 4, T = window 12; F_r = 3, F_c = 1.
  SystolicStats s = statsOf(smallConv(), 4, 4, SystolicDataflow::OutputStationary);
  CHECK(s.linesPerFold == 18);           // 4 + 4 + 12 - 2
  CHECK(s.cycles == 53);                 // 3 * 18 - 1
  CHECK(s.mappingEfficiency == 0.75);    // 36 / 48
  CHECK(s.computeUtilization == Approx(0.75 * 12 / 18));
  CHECK(s.ifmapReads == 108);            // S_R * T * F_c
  CHECK(s.filterReads == 144);           // T * S_C * F_r
  CHECK(s.ofmapWrites == 36 + 3 * 8);    // S_R * S_C + folds * (R_a + C_a)
  CHECK(statsOf(smallConv(), 4, 4, SystolicDataflow::OutputStationary, false).ofmapWrites ==
        36);
}

TEST_CASE("input stationary on a 4x4 array", "[systolic]") {
  // S_R = window 12, S_C = pixels 9, T = filters 4; F_r = 3, F_c = 3.
  SystolicStats s = statsOf(smallConv(), 4, 4, SystolicDataflow::InputStationary);
  CHECK(s.linesPerFold == 14);           // 2*4 + 4 + 4 - 2
  CHECK(s.cycles == 125);                // 9 * 14 - 1
  CHECK(s.mappingEfficiency == 0.75);    // 108 / (9 * 16)
  CHECK(s.computeUtilization == Approx(0.75 * 4 / 17));
  CHECK(s.ifmapReads == 108);            // S_R * S_C
  CHECK(s.filterReads == 144);           // T * S_R * F_c
  CHECK(s.ofmapWrites == 108);           // T * S_C * F_r
}

TEST_CASE("array size changes folds: the TPU LSTM1 case", "[systolic]") {
  // refdata 5.3: 600x600 weights on 256x256 take ceil(600/256)^2 = 9 tiles, on 512x512 4.
  Problem p = matmul(8, 600, 600);
  SystolicStats small = statsOf(p, 256, 256, SystolicDataflow::WeightStationary);
  CHECK(small.rowFolds * small.colFolds == 9);
  CHECK(small.linesPerFold == 774);      // 512 + 256 + 8 - 2
  CHECK(small.cycles == 6965);           // 9 * 774 - 1
  CHECK(small.mappingEfficiency == Approx(360000.0 / (9 * 65536)));
  SystolicStats big = statsOf(p, 512, 512, SystolicDataflow::WeightStationary);
  CHECK(big.rowFolds * big.colFolds == 4);
  CHECK(big.cycles == 4 * 1542 - 1);     // L = 1024 + 512 + 8 - 2
  CHECK(big.mappingEfficiency == Approx(360000.0 / (4 * 262144)));
  // A 1x1 array: every MAC is its own fold.
  SystolicStats one = statsOf(matmul(2, 3, 5), 1, 1, SystolicDataflow::OutputStationary);
  CHECK(one.rowFolds * one.colFolds == 6);
  CHECK(one.cycles == 6 * (1 + 1 + 5 - 2) - 1);
}

TEST_CASE("group dims repeat the GEMM", "[systolic]") {
  // Depthwise O[g,p,q] += I[g,p+r,q+s] * W[g,r,s], G=2, P=Q=2, R=S=3: groups 2, pixels 4,
  // filters 1, window 9. WS on 2x2: S_R 9, S_C 1, T 4, F_r 5, F_c 1, L = 4 + 2 + 4 - 2 = 8.
  Problem dw = makeProblem({{"g", 2}, {"p", 2}, {"q", 2}, {"r", 3}, {"s", 3}},
                           {{"I", {{{"g", 1}}, {{"p", 1}, {"r", 1}}, {{"q", 1}, {"s", 1}}}, false},
                            {"W", {{{"g", 1}}, {{"r", 1}}, {{"s", 1}}}, false},
                            {"O", {{{"g", 1}}, {{"p", 1}}, {{"q", 1}}}, true}});
  SystolicStats s = statsOf(dw, 2, 2, SystolicDataflow::WeightStationary);
  CHECK(s.cycles == 2 * 5 * 8 - 1);
  CHECK(s.ifmapReads == 2 * 4 * 9);
  CHECK(s.filterReads == 2 * 9);
  CHECK(s.ofmapWrites == 2 * 4 * 5);
}

TEST_CASE("systolic report: traffic per level, energy, bandwidth bound", "[systolic]") {
  Problem p = smallConv();
  Arch a = twoLevels(4, 4);
  SystolicModel model(p, a, SystolicDataflow::WeightStationary);
  REQUIRE(model.error().empty());
  CHECK(model.name() == "systolic(ws)");
  CostReport r = model.evaluate(Mapping{});
  INFO(toString(r, p, a));
  REQUIRE(r.valid);
  CHECK(r.macs == 432);
  CHECK(r.cycles == 56);
  CHECK(r.utilization == Approx(432.0 / (56 * 16)));
  // SRAM: operands filled once from DRAM (I has 3*4*4 = 48 elements, W 48), read into the
  // array as SCALE-Sim counts; outputs written 108 times, drained once (36 elements).
  CHECK(r.at(1, 0).total == AccessCounts{48, 108, 0, 0});
  CHECK(r.at(1, 1).total == AccessCounts{48, 48, 0, 0});
  CHECK(r.at(1, 2).total == AccessCounts{0, 36, 108, 0});
  CHECK(r.at(0, 0).total == AccessCounts{0, 48, 0, 0});
  CHECK(r.at(0, 2).total == AccessCounts{0, 0, 36, 0});
  CHECK(r.networkTransfers == std::vector<int64_t>{132, 264});
  // SRAM 48*3 + 48*3 + 108*2 + 48*2 + 108*3 + 36*2 = 996; DRAM (48 + 48 + 36) * 100 = 13200.
  CHECK(r.storageEnergy == Approx(14196));
  CHECK(r.macEnergy == 432);
  CHECK(r.networkEnergy == Approx(264 * 0.5));
  CHECK(r.totalEnergy == Approx(14196 + 432 + 132));
  // SRAM reads 108 + 48 + 36 words at 2 words/cycle: 96 cycles bound the layer.
  a.levels[1].readBandwidth = 2;
  CostReport bound = SystolicModel(p, a, SystolicDataflow::WeightStationary).evaluate(Mapping{});
  CHECK(bound.cycles == 96);
  CHECK(bound.boundBy(a) == "SRAM");
}

TEST_CASE("a PE-local weight register inside the array (TPU-style)", "[systolic]") {
  // DRAM -> SRAM -> 4x4 array of PEs, each with a register keeping W, then the MAC. WS on the
  // small conv: the SRAM sends the 48 filter reads into the registers (3 per PE), and each of
  // the 432 MACs reads its weight from its PE's register (27 per PE).
  Problem p = smallConv();
  Arch a = twoLevels(4, 4);
  StorageLevel reg = level("reg", 0.1, 0.2);
  reg.keepMask = 1u << 1;
  a.levels.push_back(reg);
  a.fanOuts.push_back(FanOut{});
  SystolicModel model(p, a, SystolicDataflow::WeightStationary);
  REQUIRE(model.error().empty());
  CostReport r = model.evaluate(Mapping{});
  INFO(toString(r, p, a));
  REQUIRE(r.valid);
  CHECK(r.cycles == 56);
  CHECK(r.activeInstances == std::vector<int64_t>{1, 1, 16});
  CHECK(r.at(1, 1).total == AccessCounts{48, 48, 0, 0});
  CHECK(r.at(2, 1).total == AccessCounts{48, 432, 0, 0});
  CHECK(r.at(2, 1).perInstance == AccessCounts{3, 27, 0, 0});
  CHECK(r.at(2, 1).fillEnergy == Approx(48 * 0.2));
  CHECK(r.at(2, 1).readEnergy == Approx(432 * 0.1));
  // Inputs and outputs bypass the register: the SRAM still feeds the array directly.
  CHECK(r.at(1, 0).total == AccessCounts{48, 108, 0, 0});
  CHECK(r.at(1, 2).total == AccessCounts{0, 36, 108, 0});
  CHECK(r.networkTransfers == std::vector<int64_t>{132, 264, 432 + 108 + 108});
}

TEST_CASE("the registry selects the systolic variants", "[systolic]") {
  Registry registry;
  registerBuiltinCostModels(registry);
  Problem p = smallConv();
  Arch a = twoLevels(4, 4);
  struct Case {
    const char *name;
    int64_t cycles;
  } cases[] = {{"systolic", 56}, {"systolic(ws)", 56}, {"systolic(os)", 53}, {"systolic(is)", 125}};
  for (const Case &c : cases) {
    std::unique_ptr<CostModel> m = registry.createCostModel(c.name, p, a);
    REQUIRE(m);
    CHECK(m->name() == c.name);
    CHECK(m->evaluate(Mapping{}).cycles == c.cycles);
  }
}

TEST_CASE("the systolic model rejects what it cannot map", "[systolic]") {
  Problem three = makeProblem({{"m", 2}, {"k", 2}},
                              {{"A", {{{"m", 1}}, {{"k", 1}}}, false},
                               {"B", {{{"k", 1}}}, false},
                               {"C", {{{"k", 1}}}, false},
                               {"Y", {{{"m", 1}}}, true}});
  SystolicShape shape;
  CHECK(systolicShape(three, shape).find("two input tensors") != std::string::npos);
  Problem lonely = makeProblem({{"m", 2}, {"k", 2}, {"j", 3}},
                               {{"A", {{{"m", 1}}, {{"k", 1}}, {{"j", 1}}}, false},
                                {"B", {{{"k", 1}}}, false},
                                {"Y", {{{"m", 1}}}, true}});
  CHECK(systolicShape(lonely, shape).find("dim 'j' indexes only A") != std::string::npos);
  // Two arrays.
  Arch a = twoLevels(4, 4);
  a.fanOuts[0] = FanOut{2, 1};
  SystolicModel model(smallConv(), a, SystolicDataflow::OutputStationary);
  CHECK(model.error() == "the systolic model needs a single array, but the fan-outs below "
                         "'DRAM' and 'SRAM' are both wider than 1 x 1");
  CostReport r = model.evaluate(Mapping{});
  CHECK(!r.valid);
  CHECK(r.violations == std::vector<std::string>{model.error()});
}
