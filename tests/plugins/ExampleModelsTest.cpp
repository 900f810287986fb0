// The example models of examples/plugins: the C++ plugin (built in-tree from the same source as
// the out-of-tree example) and the Python exec model, each against an independent computation.
#include "RandomCase.h"

#include "tessel/cost/ExecModel.h"
#include "tessel/cost/Plugin.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace tessel::cost;

TEST_CASE("the example plugin's no-overlap model adds transfer cycles to compute cycles",
          "[plugin][example]") {
  Registry registry;
  ComponentLibrary components;
  registerBuiltinCostModels(registry);
  registerBuiltinComponents(components);
  LoadedPlugin loaded;
  REQUIRE(loadPlugin(TESSEL_EXAMPLE_PLUGIN, registry, components, loaded) == "");
  CHECK(loaded.name == "no-overlap-example");
  CHECK(loaded.costModels == std::vector<std::string>{"no-overlap"});
  CHECK(loaded.componentModels == std::vector<std::string>{"sram_ecc"});
  int valid = 0;
  for (uint64_t seed = 1; seed <= 200; ++seed) {
    testing::Case c = testing::randomCase(seed);
    CostReport overlap =
        registry.createCostModel("analytical", c.problem, c.arch)->evaluate(c.mapping);
    CostReport serial =
        registry.createCostModel("no-overlap", c.problem, c.arch)->evaluate(c.mapping);
    // Random cases include mappings beyond a capacity: both models reject them alike.
    REQUIRE(serial.valid == overlap.valid);
    if (!overlap.valid)
      continue;
    ++valid;
    int64_t expected = overlap.computeCycles;
    for (int64_t levelCycles : overlap.levelCycles)
      expected += levelCycles;
    INFO(testing::describe(c));
    CHECK(serial.cycles == expected);
    CHECK(serial.computeCycles == overlap.computeCycles);
    CHECK(serial.storageEnergy == overlap.storageEnergy);
    double scale = double(expected) / double(overlap.cycles);
    CHECK(serial.leakageEnergy == Approx(overlap.leakageEnergy * scale));
    CHECK(serial.totalEnergy == Approx(overlap.totalEnergy - overlap.leakageEnergy +
                                       overlap.leakageEnergy * scale));
    CHECK(serial.utilization == Approx(overlap.utilization / scale));
    for (size_t i = 0; i < overlap.stats.size(); ++i)
      CHECK(serial.stats[i].total == overlap.stats[i].total);
  }
  CHECK(valid >= 100);
}

TEST_CASE("the example plugin's sram_ecc class is a 72/64-wide sram", "[plugin][example]") {
  Registry registry;
  ComponentLibrary components;
  registerBuiltinComponents(components);
  LoadedPlugin loaded;
  REQUIRE(loadPlugin(TESSEL_EXAMPLE_PLUGIN, registry, components, loaded) == "");
  ComponentSpec ecc;
  ecc.cls = "sram_ecc";
  ecc.sizeBits = 64 * 1024 * 8;
  ecc.widthBits = 64;
  ecc.technologyNm = 45;
  ComponentSpec plain = ecc;
  plain.cls = "sram";
  plain.sizeBits = 72 * 1024 * 8;
  plain.widthBits = 72;
  ComponentCosts withEcc, reference;
  REQUIRE(components.estimate(ecc, withEcc) == "");
  REQUIRE(components.estimate(plain, reference) == "");
  CHECK(withEcc.readEnergy.value == reference.readEnergy.value);
  CHECK(withEcc.area.value == reference.area.value);
  CHECK(withEcc.readEnergy.source.rfind("sram with SECDED (72,64) ECC", 0) == 0);
}

namespace {

/// The Python example's compulsory-traffic figures, computed independently here.
struct Compulsory {
  int64_t cycles = 0;
  int boundLevel = -1;
  double energy = 0;
  double macEnergy = 0;
  std::vector<int64_t> levelCycles;
};

Compulsory compulsory(const testing::Case &c) {
  const Problem &p = c.problem;
  int64_t units = 1;
  for (const LevelMapping &level : c.mapping.levels)
    for (const SpatialLoop &loop : level.spatial)
      units *= loop.factor;
  Compulsory r;
  r.cycles = (p.macs() + units - 1) / units;
  r.macEnergy = double(p.macs()) * c.arch.compute.macEnergy;
  r.energy = r.macEnergy;
  for (size_t l = 0; l < c.arch.levels.size(); ++l) {
    const StorageLevel &level = c.arch.levels[l];
    int64_t words = 0;
    for (size_t t = 0; t < p.tensors.size(); ++t) {
      if (!(keptTensors(c.arch, c.mapping, l) >> t & 1))
        continue;
      int64_t elements = 1;
      for (size_t i = 0; i < p.tensors[t].projection.size(); ++i)
        elements *= p.indexExtent(int(t), int(i));
      words += elements * wordsPerElement(p, int(t), level.wordBits);
      r.energy +=
          double(elements) * (p.tensors[t].isOutput ? level.updateEnergy : level.readEnergy);
    }
    double perInstance = level.readBandwidth;
    if (level.sharedBandwidth > 0 && !(perInstance > 0 && perInstance <= level.sharedBandwidth))
      perInstance = level.sharedBandwidth;
    double bandwidth = perInstance * double(c.arch.instances(l));
    int64_t transfer = bandwidth > 0 ? int64_t(std::ceil(double(words) / bandwidth)) : 0;
    r.levelCycles.push_back(transfer);
    if (transfer > r.cycles) {
      r.cycles = transfer;
      r.boundLevel = int(l);
    }
  }
  return r;
}

} // namespace

TEST_CASE("the example Python model answers the compulsory-traffic figures", "[exec][example]") {
  // One program per case (a case has its own problem): a dozen keeps the test quick.
  int valid = 0;
  for (uint64_t seed = 1; seed <= 12; ++seed) {
    testing::Case c = testing::randomCase(seed);
    ExecCostModel model(TESSEL_EXAMPLE_PYTHON, c.problem, c.arch, ExecOptions{60});
    CostReport report;
    REQUIRE(model.evaluateOrError(c.mapping, report) == "");
    REQUIRE(report.valid == checkMapping(c.problem, c.arch, c.mapping).empty());
    if (!report.valid)
      continue;
    ++valid;
    Compulsory expected = compulsory(c);
    INFO(testing::describe(c));
    CHECK(report.cycles == expected.cycles);
    CHECK(report.boundLevel == expected.boundLevel);
    CHECK(report.levelCycles == expected.levelCycles);
    CHECK(report.totalEnergy == Approx(expected.energy));
    CHECK(report.macEnergy == Approx(expected.macEnergy));
    CHECK(report.storageEnergy == Approx(expected.energy - expected.macEnergy));
  }
  CHECK(valid == 12);
}
