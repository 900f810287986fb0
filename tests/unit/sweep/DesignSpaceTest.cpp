// Design spaces: canonical values and keys, --param overrides with units, axes from the
// Eyeriss spec, cartesian enumeration and shards.
#include "../LineOf.h"
#include "FakeEvaluator.h"

#include "tessel/Sweep/DesignSpace.h"
#include "tessel/Sweep/Values.h"
#include "tessel/dsl/Check.h"

#include <catch2/catch.hpp>

#include <set>

using namespace tessel;
using namespace tessel::sweep;

TEST_CASE("values have one canonical text", "[sweep][values]") {
  CHECK(formatValue(canonicalValue(0.1 + 0.2)) == "0.3");
  CHECK(canonicalValue(0.1 + 0.2) == canonicalValue(0.3));
  CHECK(formatValue(884736) == "884736");
  CHECK(formatValue(-0.0) == "0");
  CHECK(formatValue(1.5e-12) == "1.5e-12");
  CHECK(formatValue(2e8) == "200000000");
  CHECK(formatValue(1e300) == "1e+300");
  CHECK(formatValue(0.1) == "0.1");
}

TEST_CASE("quantities with units", "[sweep][values]") {
  size_t pos = 0;
  auto q = parseQuantity("64KiB..256KiB", pos);
  REQUIRE(q);
  CHECK(q->value == 64 * 8192.0);
  CHECK(q->dim == dsl::dimBits());
  CHECK(pos == 5);
  pos = 0;
  q = parseQuantity(" 2 W", pos);
  REQUIRE(q);
  CHECK(q->value == 2);
  CHECK(q->dim == dsl::dimPower());
  pos = 0;
  q = parseQuantity("1.5e-3J", pos);
  REQUIRE(q);
  CHECK(q->value == 1.5e-3);
  pos = 0;
  q = parseQuantity("12", pos);
  REQUIRE(q);
  CHECK_FALSE(q->hasUnit);
  pos = 0;
  q = parseQuantity("4mm3", pos);
  REQUIRE_FALSE(q);
  CHECK(q.error().column == 2);
  CHECK(q.error().message == "unknown unit 'mm3'");
  pos = 0;
  q = parseQuantity("x", pos);
  REQUIRE_FALSE(q);
  CHECK(q.error().column == 1);
}

TEST_CASE("param overrides: sets, stepped and continuous ranges", "[sweep][param]") {
  auto o = parseParamOverride("rows=8,12,16");
  REQUIRE(o);
  CHECK(o->axis.name == "rows");
  CHECK(o->axis.values == std::vector<double>{8, 12, 16});
  CHECK_FALSE(o->hasUnits);

  o = parseParamOverride("glb=64KiB..256KiB:64KiB");
  REQUIRE(o);
  CHECK(o->axis.dim == dsl::dimBits());
  CHECK(o->axis.values == std::vector<double>{524288, 1048576, 1572864, 2097152});

  o = parseParamOverride("x=0.1..0.5:0.1");
  REQUIRE(o);
  CHECK(o->axis.values == std::vector<double>{0.1, 0.2, 0.3, 0.4, 0.5});

  o = parseParamOverride("clock=200MHz..1GHz");
  REQUIRE(o);
  CHECK(o->axis.continuous);
  CHECK(o->axis.lo == 2e8);
  CHECK(o->axis.hi == 1e9);
}

TEST_CASE("param override errors point at the column", "[sweep][param]") {
  struct Case {
    const char *arg;
    size_t column;
    const char *message;
  };
  const Case cases[] = {
      {"rows", 0, "expected NAME=VALUES"},
      {"8rows=1", 1, "expected a parameter name before '='"},
      {"ro-ws=1", 3, "unexpected '-' in the parameter name"},
      {"rows=", 6, "expected a number here"},
      {"rows=8,,12", 8, "expected a number"},
      {"rows=8,12,8", 11, "value 8 is given twice"},
      {"glb=64KiB,128", 11, "this value has no unit but another is a size"},
      {"glb=64KiB,2MHz", 12, "this value is a frequency but the first is a size"},
      {"rows=16..8:2", 10, "the upper bound is below the lower bound"},
      {"rows=8..16:0", 12, "the step must be positive"},
      {"rows=8..16;2", 11, "unexpected ';'"},
      {"glb=64KB..1TB:1B", 15, "the range has more than a million values"},
  };
  for (const Case &c : cases) {
    INFO(c.arg);
    auto o = parseParamOverride(c.arg);
    REQUIRE_FALSE(o);
    CHECK(o.error().option == "param");
    CHECK(o.error().arg == c.arg);
    CHECK(o.error().column == c.column);
    CHECK(o.error().message == c.message);
  }
}

namespace {

std::vector<dsl::ParamInfo> eyerissParams(dsl::SourceManager &sm) {
  dsl::DiagnosticEngine diags;
  auto models = dsl::checkHwFile(TESSEL_SOURCE_DIR "/hwspecs/eyeriss.hw", sm, diags);
  REQUIRE(!diags.hasErrors());
  REQUIRE(models.size() == 1);
  return models[0].params;
}
} // namespace

TEST_CASE("the design space of hwspecs/eyeriss.hw", "[sweep][space]") {
  dsl::SourceManager sm;
  std::vector<dsl::ParamInfo> params = eyerissParams(sm);
  auto space = buildDesignSpace(params, {}, &sm);
  REQUIRE(space);
  REQUIRE(space->axes.size() == 3);
  CHECK(space->axes[0].name == "rows");
  CHECK(space->axes[0].values == std::vector<double>{8, 12, 16});
  CHECK(space->axes[2].name == "glb");
  CHECK(space->axes[2].values.front() == 64 * 8192.0);
  int glbLine = tessel::testing::lineContaining(TESSEL_SOURCE_DIR "/hwspecs/eyeriss.hw", "param glb");
  REQUIRE(glbLine > 0);
  CHECK(space->axes[2].origin.find("eyeriss.hw:" + std::to_string(glbLine) + ":") !=
        std::string::npos);
  CHECK(space->cartesianSize() == 45);

  auto rows = parseParamOverride("rows=4..16:4");
  auto glb = parseParamOverride("glb=128KiB");
  REQUIRE(rows);
  REQUIRE(glb);
  space = buildDesignSpace(params, {*rows, *glb}, &sm);
  REQUIRE(space);
  CHECK(space->axes[0].values == std::vector<double>{4, 8, 12, 16});
  CHECK(space->axes[2].values == std::vector<double>{128 * 8192.0});
  CHECK(space->cartesianSize() == 12);

  auto typo = parseParamOverride("rowz=8");
  space = buildDesignSpace(params, {*typo}, &sm);
  REQUIRE_FALSE(space);
  CHECK(space.error().message == "unknown param 'rowz'");
  CHECK(space.error().hint == "did you mean 'rows'?");

  auto plain = parseParamOverride("glb=65536");
  space = buildDesignSpace(params, {*plain}, &sm);
  REQUIRE_FALSE(space);
  CHECK(space.error().column == 5);
  CHECK(space.error().message == "'glb' is a size; give the values a unit");

  auto wrong = parseParamOverride("glb=200MHz");
  space = buildDesignSpace(params, {*wrong}, &sm);
  REQUIRE_FALSE(space);
  CHECK(space.error().message == "'glb' is a size, but these values are a frequency");

  space = buildDesignSpace(params, {*rows, *rows}, &sm);
  REQUIRE_FALSE(space);
  CHECK(space.error().message == "param 'rows' is given twice with --param");
}

TEST_CASE("params declared twice must agree", "[sweep][space]") {
  dsl::ParamInfo a;
  a.name = "N";
  a.value = {1, dsl::Dim::none(), true};
  a.domainKind = dsl::ParamInfo::DomainKind::Set;
  a.set = {1, 2};
  dsl::ParamInfo b = a;
  auto same = buildDesignSpace({a, b}, {});
  REQUIRE(same);
  CHECK(same->axes.size() == 1);
  b.set = {1, 4};
  auto differ = buildDesignSpace({a, b}, {});
  REQUIRE_FALSE(differ);
  CHECK(differ.error().message.find("declared twice") != std::string::npos);
}

TEST_CASE("cartesian points: last axis fastest, stable keys", "[sweep][space]") {
  DesignSpace s = test::fakeSpace();
  auto points = enumeratePoints(s);
  REQUIRE(points);
  REQUIRE(points->size() == 32);
  CHECK((*points)[0].key() == "cols=8,glb=524288,rows=4");
  CHECK((*points)[1].key() == "cols=8,glb=1048576,rows=4");
  CHECK((*points)[4].key() == "cols=14,glb=524288,rows=4");
  CHECK((*points)[31].key() == "cols=14,glb=2097152,rows=16");
  std::set<std::string> keys;
  for (size_t i = 0; i < points->size(); ++i) {
    CHECK((*points)[i].index == i);
    keys.insert((*points)[i].key());
  }
  CHECK(keys.size() == 32);
  CHECK((*points)[5].overrides().at("glb") == 1048576);

  DesignSpace big;
  big.axes.push_back({"a", dsl::Dim::none(), std::vector<double>(1000, 0), false, 0, 0, ""});
  big.axes.push_back(big.axes[0]);
  big.axes.push_back(big.axes[0]);
  auto tooMany = enumeratePoints(big, 1000000);
  REQUIRE_FALSE(tooMany);
  CHECK(tooMany.error().find("1000000000 points") != std::string::npos);
  CHECK(tooMany.error().find("--sample") != std::string::npos);

  DesignSpace cont;
  cont.axes.push_back({"clock", dsl::dimFrequency(), {}, true, 1e8, 1e9, "x.hw:3:3"});
  auto c = enumeratePoints(cont);
  REQUIRE_FALSE(c);
  CHECK(c.error().find("'clock' (x.hw:3:3) has a continuous range") != std::string::npos);
}

TEST_CASE("shards partition the points exactly", "[sweep][shard]") {
  auto points = enumeratePoints(test::fakeSpace());
  REQUIRE(points);
  for (uint64_t n = 1; n <= 9; ++n) {
    std::multiset<std::string> all;
    for (uint64_t i = 1; i <= n; ++i) {
      std::vector<DesignPoint> shard = selectShard(*points, {i, n});
      CHECK(shard.size() >= points->size() / n);
      CHECK(shard.size() <= points->size() / n + 1);
      for (const DesignPoint &p : shard)
        all.insert(p.key());
    }
    std::multiset<std::string> expected;
    for (const DesignPoint &p : *points)
      expected.insert(p.key());
    CHECK(all == expected);
  }
  auto s = parseShard("3/8");
  REQUIRE(s);
  CHECK(s->index == 3);
  CHECK(s->count == 8);
  for (const char *bad : {"0/4", "5/4", "a/4", "3", "1/0", "1/", "-1/4"}) {
    INFO(bad);
    CHECK_FALSE(parseShard(bad));
  }
  CHECK(parseShard("0/4").error().message == "shard 0 is not between 1 and 4");
}
