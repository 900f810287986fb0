// Records as canonical JSON lines: round trips, stable text, and located parse errors.
#include "FakeEvaluator.h"

#include "tessel/Sweep/Record.h"

#include <catch2/catch.hpp>

#include <random>

using namespace tessel::sweep;

namespace {
Record sample() {
  DesignPoint p;
  p.index = 7;
  p.params = {{"cols", 14}, {"glb", 884736}, {"rows", 12}};
  Record r = test::fakeEvaluate(p);
  r.point = p.index;
  r.params = p.params;
  r.key = p.key();
  r.inferences = 4;
  r.extra = {{"search", "{\"evaluations\":1200}"}};
  return r;
}
} // namespace

TEST_CASE("a record round-trips through its JSON line", "[sweep][record]") {
  Record r = sample();
  std::string line = recordToJsonLine(r);
  CHECK(line.rfind("{\"schema\":1,\"point\":7,\"key\":\"cols=14,glb=884736,rows=12\","
                   "\"params\":{\"cols\":14,\"glb\":884736,\"rows\":12},\"status\":\"valid\",",
                   0) == 0);
  CHECK(line.find("\"layers\":[{\"name\":\"conv1\",\"count\":1,") != std::string::npos);
  CHECK(line.find("\"mapping\":\"DRAM[k4] GLB[c8] PE[x:k14]\"") != std::string::npos);
  CHECK(line.find("\"search\":{\"evaluations\":1200}}") != std::string::npos);
  auto back = parseRecordLine(line);
  REQUIRE(back);
  CHECK(*back == r);
  CHECK(recordToJsonLine(*back) == line);
}

TEST_CASE("invalid records: errors and constraint violations", "[sweep][record]") {
  Record r = sample();
  r.violations = {"area<=4mm2", "power<=2W"};
  std::string line = recordToJsonLine(r);
  CHECK(line.find("\"status\":\"invalid\",\"reason\":\"violates constraints area<=4mm2, "
                  "power<=2W\",\"violations\":[\"area<=4mm2\",\"power<=2W\"],\"latency_s\"") !=
        std::string::npos);
  auto back = parseRecordLine(line);
  REQUIRE(back);
  CHECK(*back == r);

  Record e;
  e.key = "rows=4";
  e.params = {{"rows", 4}};
  e.error = "no valid mapping for layer fc";
  line = recordToJsonLine(e);
  CHECK(line == "{\"schema\":1,\"point\":0,\"key\":\"rows=4\",\"params\":{\"rows\":4},"
                "\"status\":\"invalid\",\"reason\":\"no valid mapping for layer fc\","
                "\"inferences\":1}");
  back = parseRecordLine(line);
  REQUIRE(back);
  CHECK(*back == e);
}

TEST_CASE("random records print, parse and print to the same text", "[sweep][record]") {
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> mag(-30, 3);
  auto value = [&] { return std::pow(10.0, mag(rng)) * (1 + (rng() % 1000) / 997.0); };
  for (int i = 0; i < 500; ++i) {
    Record r;
    r.point = rng() % 100000;
    r.params = {{"a", static_cast<double>(rng() % 64)}, {"b", value()}};
    r.key = pointKey(r.params);
    if (rng() % 5 == 0) {
      r.error = "failure " + std::to_string(i) + " with \"quotes\" and \\ backslash";
    } else {
      Totals t;
      t.latencyS = value();
      t.cycles = static_cast<int64_t>(rng() % 1000000000);
      t.energyJ = value();
      t.energyByLevelJ = {{"DRAM", value()}, {"mac", 3.0}};
      t.areaMm2 = value();
      t.powerW = value();
      t.utilization = (rng() % 1001) / 1000.0;
      t.macs = static_cast<int64_t>(rng());
      r.totals = t;
      if (rng() % 4 == 0)
        r.violations = {"latency<=1ms"};
    }
    std::string line = recordToJsonLine(r);
    auto back = parseRecordLine(line);
    REQUIRE(back);
    CHECK(*back == r);
    CHECK(recordToJsonLine(*back) == line);
  }
}

TEST_CASE("record lines that are not records", "[sweep][record]") {
  struct Case {
    std::string line;
    size_t column;
    std::string message;
  };
  const std::string ok = recordToJsonLine(sample());
  const Case cases[] = {
      {"{\"schema\":1,", 13,
       "invalid JSON: syntax error while parsing object key - unexpected "
       "end of input; expected string literal"},
      {"[1,2]", 0, "a record must be a JSON object"},
      {"{\"point\":1}", 0, "missing field \"schema\""},
      {"{\"schema\":3}", 2, "record schema 3 is not supported (this tessel reads schema 1)"},
      {"{\"schema\":1,\"point\":-1}", 13, "\"point\" must not be negative"},
      {"{\"schema\":1,\"point\":0,\"key\":\"rows=5\",\"params\":{\"rows\":4}}", 23,
       "\"key\" is \"rows=5\" but the params give \"rows=4\""},
      {"{\"schema\":1,\"point\":0,\"key\":\"\",\"params\":{},\"status\":\"ok\"}", 44,
       "\"status\" must be \"valid\" or \"invalid\""},
      {"{\"schema\":1,\"point\":0,\"key\":\"\",\"params\":{},\"status\":\"invalid\","
       "\"inferences\":1}",
       0, "missing field \"reason\""},
      {"{\"schema\":1,\"point\":0,\"key\":\"\",\"params\":{\"a\":\"x\"}}", 32,
       "\"params\" must be an object of numbers"},
      // A number beyond double's range: an error at the number, not an exception.
      {"{\"schema\":1,\"latency_s\":1e999}", 25, "invalid JSON: number overflow parsing '1e999'"},
  };
  for (const Case &c : cases) {
    INFO(c.line);
    auto r = parseRecordLine(c.line);
    REQUIRE_FALSE(r);
    CHECK(r.error().column == c.column);
    CHECK(r.error().message == c.message);
  }
  CHECK(parseRecordLine(ok));
}

TEST_CASE("extra fields cannot replace schema fields", "[sweep][record]") {
  Record r = sample();
  r.extra.push_back({"point", "99"});
  std::string line = recordToJsonLine(r);
  CHECK(line.find("\"point\":7,") != std::string::npos);
  CHECK(line.find("\"point\":99") == std::string::npos);
}

TEST_CASE("non-finite values are detected", "[sweep][record]") {
  Record r = sample();
  CHECK(isFinite(r));
  r.totals->energyJ = std::nan("");
  CHECK_FALSE(isFinite(r));
  r = sample();
  r.layers[1].latencyS = INFINITY;
  CHECK_FALSE(isFinite(r));
}
