// Component library: cited anchors reproduced at their base node, scaling, monotonicity, errors.
#include "tessel/cost/Components.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace tessel::cost;

namespace {

ComponentLibrary builtins() {
  ComponentLibrary lib;
  registerBuiltinComponents(lib);
  return lib;
}

ComponentCosts costs(const ComponentSpec &spec) {
  ComponentLibrary lib = builtins();
  ComponentCosts out;
  std::string error = lib.estimate(spec, out);
  INFO(error);
  REQUIRE(error.empty());
  return out;
}

std::string failure(const ComponentSpec &spec) {
  ComponentLibrary lib = builtins();
  ComponentCosts out;
  return lib.estimate(spec, out);
}

ComponentSpec memory(const std::string &cls, double sizeBits, double widthBits, double nm) {
  ComponentSpec s;
  s.cls = cls;
  s.sizeBits = sizeBits;
  s.widthBits = widthBits;
  s.technologyNm = nm;
  return s;
}

ComponentSpec logic(const std::string &cls, int64_t bits, double nm, std::string sub = "") {
  ComponentSpec s;
  s.cls = cls;
  s.bits = bits;
  s.subclass = std::move(sub);
  s.technologyNm = nm;
  return s;
}

constexpr double kKiB = 8192;
// Stillmaker & Baas Table 5 energy polynomials at 0.9 V, written out by hand.
const double e65 = 3.755 * 0.81 - 4.398 * 0.9 + 1.975;
const double e45 = 1.018 * 0.81 - 0.3107 * 0.9 + 0.1539;
const double e32 = 0.8367 * 0.81 - 0.4341 * 0.9 + 0.1701;
const double e7 = 0.1776 * 0.81 - 0.09097 * 0.9 + 0.02447;

const double kNodes[] = {65, 55, 45, 40, 32, 28, 22, 20, 16, 14, 12, 10, 8, 7};

} // namespace

TEST_CASE("technology scaling reproduces the Stillmaker & Baas tables", "[components]") {
  CHECK(energyScale(45, 45) == 1);
  CHECK(energyScale(45, 32) == Approx(e32 / e45).epsilon(1e-12));
  CHECK(energyScale(65, 7) == Approx(e7 / e65).epsilon(1e-12));
  // The corrigendum's worked value for HP 32 nm at 0.9 V.
  CHECK(e32 == Approx(0.4571).margin(1e-4));
  CHECK(areaScale(45, 7) == Approx(0.059).epsilon(1e-12));
  CHECK(areaScale(65, 45) == Approx(1 / 1.5).epsilon(1e-12));
  CHECK(areaScale(45, 32) == Approx(0.46).epsilon(1e-12));
  // Between tabulated nodes: log-log interpolation between 32 nm and 20 nm.
  double t = (std::log(28.0) - std::log(32.0)) / (std::log(20.0) - std::log(32.0));
  CHECK(areaScale(45, 28) == Approx(std::exp(std::log(0.46) + t * (std::log(0.21) - std::log(0.46)))));
  // Transitive, and both factors shrink monotonically with the node.
  CHECK(energyScale(65, 28) * energyScale(28, 7) == Approx(energyScale(65, 7)));
  for (size_t i = 0; i + 1 < std::size(kNodes); ++i) {
    INFO(kNodes[i] << " nm -> " << kNodes[i + 1] << " nm");
    CHECK(energyScale(45, kNodes[i + 1]) < energyScale(45, kNodes[i]));
    CHECK(areaScale(45, kNodes[i + 1]) < areaScale(45, kNodes[i]));
  }
  CHECK(checkTechnology(7).empty());
  CHECK(checkTechnology(65).empty());
  CHECK(checkTechnology(6.9).find("outside") != std::string::npos);
  CHECK(checkTechnology(90).find("7-65 nm") != std::string::npos);
  // hwspecs/h100.hw's TSMC 4N: refused, not extrapolated (h100.hw gives its figures).
  CHECK(checkTechnology(4) == "technology 4 nm is outside the component library's range "
                              "7-65 nm (Stillmaker & Baas 2017 scaling)");
  CHECK(!checkTechnology(std::nan("")).empty());
}

TEST_CASE("sram reproduces Horowitz and CACTI anchors at their nodes", "[components]") {
  CHECK(costs(memory("sram", 8 * kKiB, 64, 45)).readEnergy.value == 10);
  CHECK(costs(memory("sram", 32 * kKiB, 64, 45)).readEnergy.value == 20);
  CHECK(costs(memory("sram", 1024 * kKiB, 64, 45)).readEnergy.value == 100);
  CHECK(costs(memory("sram", 8 * kKiB, 32, 45)).readEnergy.value == Approx(5));
  // Between anchors: the power law through 32 KB and 1 MB.
  double slope = std::log(5.0) / std::log(32.0);
  CHECK(costs(memory("sram", 128 * kKiB, 64, 45)).readEnergy.value ==
        Approx(20 * std::pow(4.0, slope)));
  ComponentCosts glb = costs(memory("sram", 16384 * 64, 64, 32));
  CHECK(glb.writeEnergy.value == Approx(glb.readEnergy.value * 14.137929 / 18.183829));
  CHECK(glb.leakage.value == Approx(0.005652));
  CHECK(glb.area.value == Approx(217363.36892));
  CHECK(glb.readEnergy.source.find("Horowitz") != std::string::npos);
  CHECK(glb.readEnergy.source.find("Stillmaker") != std::string::npos);
  CHECK(glb.area.source.find("eyeriss_like") != std::string::npos);
  // The small-SRAM area anchor: Accelergy's 45 nm 1024 x 32 bit primitive SRAM.
  CHECK(costs(memory("sram", 1024 * 32, 32, 45)).area.value == Approx(29133.3).epsilon(1e-12));
  double areaSlope = std::log(217363.36892 / (29133.3 * 0.46)) / std::log(32.0);
  CHECK(costs(memory("sram", 16384 * 16, 64, 32)).area.value ==
        Approx(217363.36892 * std::pow(0.25, areaSlope)));
  // Above the largest anchor area and leakage grow linearly with capacity.
  CHECK(costs(memory("sram", 4 * 16384 * 64, 64, 32)).area.value == Approx(4 * 217363.36892));
  CHECK(costs(memory("regfile", 4 * 3072, 16, 32)).area.value == Approx(4 * 11632.88556));
  CHECK(costs(memory("regfile", 4 * 3072, 16, 32)).leakage.value == Approx(4 * 0.001592));
  CHECK(costs(memory("sram", 2 * kKiB, 64, 45)).readEnergy.source.find("extrapolated") !=
        std::string::npos);
  // Two ports: energy x2, area x4.
  ComponentSpec dual = memory("sram", 16384 * 64, 64, 32);
  dual.ports = 2;
  CHECK(costs(dual).readEnergy.value == Approx(2 * glb.readEnergy.value));
  CHECK(costs(dual).area.value == Approx(4 * glb.area.value));
  CHECK(costs(dual).area.source.find("; x4 for 2 ports") != std::string::npos);
}

TEST_CASE("regfile reproduces the Accelergy eyeriss_like scratchpads at 32 nm", "[components]") {
  struct Row {
    double bits, read, write, leak, area;
  } rows[] = {{192, 0.202442, 0.176713, 0.000101, 747.64758},
              {256, 0.2513, 0.2191, 0.000134, 989.01878},
              {3072, 1.976602, 1.881657, 0.001592, 11632.88556}};
  for (const Row &r : rows) {
    ComponentCosts c = costs(memory("regfile", r.bits, 16, 32));
    CHECK(c.readEnergy.value == r.read);
    CHECK(c.writeEnergy.value == r.write);
    CHECK(c.leakage.value == r.leak);
    CHECK(c.area.value == r.area);
    CHECK(c.readEnergy.source.find("Stillmaker") == std::string::npos);
  }
  CHECK(costs(memory("regfile", 192, 32, 32)).readEnergy.value == Approx(2 * 0.202442));
}

TEST_CASE("dram energies per bit, unscaled by technology", "[components]") {
  ComponentSpec s = memory("dram", 0, 64, 65);
  s.subclass = "lpddr4";
  CHECK(costs(s).readEnergy.value == 512);
  CHECK(costs(s).writeEnergy.value == 512);
  s.technologyNm = 7;
  CHECK(costs(s).readEnergy.value == 512);
  CHECK(costs(s).area.value == 0);
  s.subclass = "lpddr5";
  s.widthBits = 512;
  CHECK(costs(s).readEnergy.value == Approx(16000));
  CHECK(costs(s).writeEnergy.value == Approx(24000));
  s.subclass = "hbm2";
  CHECK(costs(s).readEnergy.value == Approx(3.9 * 512));
  // DDR4 from Micron 4Gb DDR4-2400 x8 currents (docs/components.md): a 64-bit burst reads in
  // 4 clocks of 1/1.2 GHz at 1.2 V x (184.5 - 44.0) mA = 562.0 pJ (writes: 168.75 mA, 499.0 pJ);
  // an activate costs 1.2 V x (60.75 x 55 - 44 x 39 - 38.25 x 16) mA x 0.833 ns = 1013.25 pJ,
  // shared by the 128 bursts of an 8 Kib row: + 7.916 pJ.
  s.subclass = "ddr4";
  s.widthBits = 64;
  CHECK(costs(s).readEnergy.value == Approx(562.0 + 1013.25 / 128));
  CHECK(costs(s).writeEnergy.value == Approx(499.0 + 1013.25 / 128));
  CHECK(costs(s).readEnergy.source.find("TN-40-07") != std::string::npos);
  s.technologyNm = 65;
  CHECK(costs(s).readEnergy.value == Approx(562.0 + 1013.25 / 128));
  s.subclass = "hbm3";
  CHECK(failure(s).find("no built-in energy for dram(hbm3)") != std::string::npos);
  CHECK(failure(s).find("did you mean") == std::string::npos);
  s.subclass = "lpdr4";
  CHECK(failure(s).find("unknown DRAM kind 'lpdr4'; did you mean 'lpddr4'?") !=
        std::string::npos);
  s.subclass = "";
  CHECK(failure(s).find("needs a kind") != std::string::npos);
}

TEST_CASE("MACs and adders reproduce Horowitz at 45 nm", "[components]") {
  ComponentCosts mac8 = costs(logic("intmac", 8, 45));
  CHECK(mac8.readEnergy.value == Approx(0.2 + 0.05));
  CHECK(mac8.area.value == Approx(282 + 67));
  // Logic leakage density of the Accelergy MAC (0.002374 mW over 191.82 um^2 at 32 nm).
  CHECK(mac8.leakage.value ==
        Approx(349 * 0.46 * 0.002374 / 191.82 * energyScale(32, 45)).epsilon(1e-12));
  CHECK(costs(logic("intmac", 32, 45)).readEnergy.value == Approx(3.1 + 0.2));
  CHECK(costs(logic("fpmac", 16, 45, "fp16")).readEnergy.value == Approx(1.1 + 0.4));
  CHECK(costs(logic("fpmac", 16, 45, "fp16")).area.value == Approx(1640 + 1360));
  CHECK(costs(logic("fpmac", 32, 45, "fp32")).readEnergy.value == Approx(3.7 + 0.9));
  CHECK(costs(logic("fpmac", 32, 45)).readEnergy.value == Approx(3.7 + 0.9));
  double k = std::log(3.7 / 1.1) / std::log(24.0 / 11);
  CHECK(costs(logic("fpmac", 16, 45, "bf16")).readEnergy.value ==
        Approx(1.1 * std::pow(8.0 / 11, k) + 0.9));
  CHECK(costs(logic("adder", 16, 45)).readEnergy.value == Approx(0.05));
  CHECK(costs(logic("adder", 32, 45, "fp32")).readEnergy.value == Approx(0.9));
  CHECK(costs(logic("noc", 16, 45)).readEnergy.value == Approx(0.20));
  CHECK(costs(logic("wire", 64, 45)).readEnergy.value == Approx(0.80));
  CHECK(costs(logic("intmac", 8, 32)).readEnergy.value == Approx(0.25 * e32 / e45));
}

TEST_CASE("component figures grow with size and bits and shrink with the node", "[components]") {
  for (const char *cls : {"sram", "regfile"}) {
    double prevE = 0, prevA = 0, prevL = 0;
    for (double bits = 256; bits <= 64 * 1024 * 1024; bits *= 4) {
      ComponentCosts c = costs(memory(cls, bits, 16, 28));
      INFO(cls << " " << bits << " bits");
      CHECK(c.readEnergy.value > prevE);
      CHECK(c.area.value > prevA);
      CHECK(c.leakage.value > prevL);
      prevE = c.readEnergy.value;
      prevA = c.area.value;
      prevL = c.leakage.value;
    }
  }
  double prev = 0;
  for (int64_t bits : {2, 4, 8, 12, 16, 24, 32, 48, 64}) {
    double e = costs(logic("intmac", bits, 45)).readEnergy.value;
    CHECK(e > prev);
    prev = e;
  }
  CHECK(costs(logic("fpmac", 8, 45, "fp8")).readEnergy.value <
        costs(logic("fpmac", 16, 45, "bf16")).readEnergy.value);
  for (size_t i = 0; i + 1 < std::size(kNodes); ++i) {
    INFO(kNodes[i] << " nm");
    for (ComponentSpec s : {memory("sram", 64 * kKiB, 64, 0), memory("regfile", 512, 16, 0),
                            logic("intmac", 8, 0), logic("fpmac", 16, 0, "bf16"),
                            logic("adder", 32, 0), logic("noc", 16, 0)}) {
      s.technologyNm = kNodes[i];
      ComponentCosts big = costs(s);
      s.technologyNm = kNodes[i + 1];
      ComponentCosts small = costs(s);
      CHECK(small.readEnergy.value < big.readEnergy.value);
      CHECK(small.writeEnergy.value < big.writeEnergy.value);
      CHECK(small.area.value <= big.area.value);
      CHECK(small.leakage.value <= big.leakage.value);
    }
  }
}

TEST_CASE("component errors say what is wrong", "[components]") {
  CHECK(failure(memory("sram", 0, 64, 45)).find("size must be positive") != std::string::npos);
  CHECK(failure(memory("sram", 32, 64, 45)).find("exceeds the size") != std::string::npos);
  ComponentSpec banked = memory("sram", 1024, 64, 45);
  banked.banks = 32;
  CHECK(failure(banked).find("32 banks of 32 bits cannot hold one 64-bit access") !=
        std::string::npos);
  banked.banks = 1;
  banked.ports = 0;
  CHECK(failure(banked).find("ports must be at least 1") != std::string::npos);
  CHECK(failure(memory("regfile", 256, 0, 45)).find("width must be positive") !=
        std::string::npos);
  CHECK(failure(logic("intmac", 0, 45)).find("bits must lie in 1..64") != std::string::npos);
  CHECK(failure(logic("intmac", 65, 45)).find("bits must lie in 1..64") != std::string::npos);
  CHECK(failure(logic("fpmac", 16, 45, "fp12")).find("unknown number format 'fp12'") !=
        std::string::npos);
  CHECK(failure(logic("fpmac", 12, 45)).find("needs a format") != std::string::npos);
  CHECK(failure(logic("noc", 0, 45)).find("bits per transfer") != std::string::npos);
  std::string unknown = failure(memory("sramm", 1024, 64, 45));
  CHECK(unknown.find("unknown component class 'sramm'") != std::string::npos);
  CHECK(unknown.find("did you mean 'sram'?") != std::string::npos);
  CHECK(unknown.find("known: adder dram fpmac intmac noc regfile sram wire") !=
        std::string::npos);
  CHECK(failure(memory("zzzzzzzz", 1024, 64, 45)).find("did you mean") == std::string::npos);
  CHECK(failure(memory("sram", 1024, 64, 5)).find("technology 5 nm is outside") !=
        std::string::npos);
  CHECK(failure(memory("sram", 1024, 64, 180)).find("7-65 nm") != std::string::npos);
  ComponentCosts unset = costs(memory("sram", 8 * kKiB, 64, 0));
  CHECK(unset.readEnergy.value == 10);
  CHECK(unset.readEnergy.source.find("technology unset: 45 nm assumed") != std::string::npos);
  // A node that went through unit conversion (45e-9 m * 1e9) is the tabulated node.
  ComponentCosts converted = costs(memory("sram", 8 * kKiB, 64, 45e-9 * 1e9));
  CHECK(converted.readEnergy.value == 10);
  CHECK(converted.readEnergy.source.find("Stillmaker") == std::string::npos);
}

TEST_CASE("the library takes plugin classes and resolves overrides", "[components]") {
  ComponentLibrary lib = builtins();
  CHECK(lib.addComponentModel("sram", [](const ComponentSpec &, ComponentCosts &) {
              return std::string();
            }).find("already registered") != std::string::npos);
  CHECK(!lib.addComponentModel("", nullptr).empty());
  CHECK(lib.addComponentModel("cim", nullptr).find("has no model") != std::string::npos);
  CHECK(lib.addComponentModel(
                "cim",
                [](const ComponentSpec &s, ComponentCosts &out) {
                  out.readEnergy = {0.5 * s.bits, "plugin table"};
                  out.writeEnergy = out.readEnergy;
                  return std::string();
                },
                "compute-in-memory macro")
            .empty());
  CHECK(lib.hasClass("cim"));
  CHECK(lib.description("cim") == "compute-in-memory macro");
  ComponentSpec cim = logic("cim", 8, 22);
  ComponentCosts c;
  REQUIRE(lib.estimate(cim, c).empty());
  CHECK(c.readEnergy.value == 4);

  ComponentSpec glb = memory("sram", 8 * kKiB, 64, 45);
  ComponentOverrides given;
  given.readEnergy = 7.5;
  ResolvedComponent r;
  REQUIRE(resolveComponent(lib, glb, given, r).empty());
  CHECK(r.readEnergy.value == 7.5);
  CHECK(r.readEnergy.origin == Origin::Given);
  CHECK(r.writeEnergy.origin == Origin::Model);
  CHECK(r.writeEnergy.value == Approx(10 * 14.137929 / 18.183829));
  // A fully given component needs neither a known class nor a supported node.
  ComponentSpec odd = memory("mystery", 1, 1, 180);
  given = {1.0, 2.0, 3.0, 4.0};
  REQUIRE(resolveComponent(lib, odd, given, r).empty());
  CHECK(r.leakage.value == 4);
  given.area.reset();
  CHECK(resolveComponent(lib, odd, given, r).find("unknown component class 'mystery'") !=
        std::string::npos);
  CHECK(leakagePerCycle(0.005652, 1e9) == Approx(0.005652));
  CHECK(leakagePerCycle(2, 200e6) == Approx(10));
  CHECK(leakagePerCycle(2, 0) == 0);
}
