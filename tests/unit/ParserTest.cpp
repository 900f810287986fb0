// Unit tests for the parsers and checkers on in-memory and on-disk inputs.
#include "tessel/dsl/Check.h"
#include "tessel/dsl/Parser.h"

#include <catch2/catch.hpp>

#include <fstream>

using namespace tessel::dsl;

static std::string input(const std::string &name) {
  return std::string(TESSEL_TEST_DIR) + "/Inputs/" + name;
}

TEST_CASE("parsers never throw on garbage", "[parser]") {
  const char *inputs[] = {"", "{", "}", "accelerator", "accelerator {", "workload w { x = (",
                          "accelerator a { param p = 1 in {; }", "\"unterminated",
                          "/* unterminated comment", "workload w { t: A[i] += for ; }",
                          "\x01\x02\xff", "accelerator a { memory M { size 1e999999; } }"};
  for (const char *text : inputs) {
    SourceManager sm;
    DiagnosticEngine deHw, deWl;
    uint32_t id = sm.addBuffer("g", text);
    ast::HwFile hf;
    ast::WlFile wf;
    INFO(text);
    // Success and "no errors reported" must agree; a failure always says why.
    bool okHw = parseHw(sm, id, deHw, hf);
    bool okWl = parseWl(sm, id, deWl, wf);
    CHECK(okHw == !deHw.hasErrors());
    CHECK(okWl == !deWl.hasErrors());
  }
}

TEST_CASE("eyeriss.hw checks into the published configuration", "[check]") {
  SourceManager sm;
  DiagnosticEngine de;
  auto models = checkHwFile(std::string(TESSEL_SOURCE_DIR) + "/hwspecs/eyeriss.hw", sm, de);
  REQUIRE_FALSE(de.hasErrors());
  REQUIRE(models.size() == 1);
  const HwModel &m = models[0];
  CHECK(m.totalMacUnits() == 168);
  CHECK(m.peakMacsPerSecond() == Approx(33.6e9));
  REQUIRE(m.levels.size() == 5);
  CHECK(m.levels[1].sizeBits == 108 * 8192);
  CHECK(m.levels[2].sizeBits == 12 * 16);
  CHECK(m.levels[2].instances == 168);
  CHECK(m.levels[3].sizeBits == 224 * 16);
  CHECK(m.levels[4].sizeBits == 24 * 16);
  CHECK(m.arrays.at(0).multicast);
}

TEST_CASE("param overrides select a design point", "[check]") {
  SourceManager sm;
  DiagnosticEngine de;
  auto models = checkHwFile(std::string(TESSEL_SOURCE_DIR) + "/hwspecs/eyeriss.hw", sm, de,
                            {{"rows", 8}, {"glb", 64 * 8192}});
  REQUIRE_FALSE(de.hasErrors());
  CHECK(models[0].totalMacUnits() == 8 * 14);
  CHECK(models[0].levels[1].sizeBits == 64 * 8192);
}

TEST_CASE("resnet50.wl totals equal the published figures", "[check]") {
  SourceManager sm;
  DiagnosticEngine de;
  auto models = checkWlFile(std::string(TESSEL_SOURCE_DIR) + "/examples/resnet50.wl", sm, de);
  REQUIRE_FALSE(de.hasErrors());
  const WlModel &m = models.at(0);
  CHECK(m.totalMacs() == 4089184256LL);
  int64_t weights = 0, einsumMacs = 0;
  for (const TensorInfo &t : m.tensors)
    if (t.kind == TensorInfo::Kind::Weight)
      weights += t.elements();
  for (const OpInfo &o : m.ops)
    for (const EinsumForm &e : o.einsums)
      einsumMacs += e.macs() * o.count;
  CHECK(weights == 25502912);
  CHECK(einsumMacs == 4089184256LL);
}

TEST_CASE("imports load once and cycles are errors", "[check]") {
  SourceManager sm;
  DiagnosticEngine de;
  auto models = checkHwFile(input("main.hw"), sm, de);
  CHECK_FALSE(de.hasErrors());
  CHECK(models.size() == 2);
  DiagnosticEngine de2;
  SourceManager sm2;
  checkHwFile(input("cycle1.hw"), sm2, de2);
  REQUIRE(de2.errorCount() == 1);
  CHECK(de2.all()[0].message == "import cycle: cycle1.hw -> cycle2.hw -> cycle1.hw");
}
