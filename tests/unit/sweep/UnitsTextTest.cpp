// Param values in their natural unit: the formatter, units in records (round trip, old records,
// bad fields), merging records with and without units, and units carried by planned points.
#include "tessel/Sweep/Options.h"
#include "tessel/Sweep/Record.h"
#include "tessel/Sweep/ResultsFile.h"
#include "tessel/Sweep/Values.h"

#include <catch2/catch.hpp>

using namespace tessel;
using namespace tessel::sweep;

TEST_CASE("sizes use binary units only for whole multiples", "[sweep][units]") {
  dsl::Dim bits = dsl::dimBits();
  CHECK(formatQuantityText(108 * 8192.0, bits) == "108 KiB");
  CHECK(formatQuantityText(1536 * 8192.0, bits) == "1536 KiB"); // 1.5 MiB is not whole
  CHECK(formatQuantityText(2 * 8192.0 * 1024, bits) == "2 MiB");
  CHECK(formatQuantityText(3 * 8192.0 * 1024 * 1024, bits) == "3 GiB");
  CHECK(formatQuantityText(884744, bits) == "110593 B"); // 108 KiB + 1 B
  CHECK(formatQuantityText(24 * 8.0, bits) == "24 B");
  CHECK(formatQuantityText(12, bits) == "12 bit");
  CHECK(formatQuantityText(8, bits) == "1 B");
  CHECK(formatQuantityText(0, bits) == "0 bit");
  CHECK(formatQuantityText(12.5, bits) == "12.5 bit");
  CHECK(formatQuantityText(64, dsl::dimBitsPerCycle()) == "8 B/cycle");
  CHECK(formatQuantityText(12, dsl::dimBitsPerCycle()) == "12 bit/cycle");
  CHECK(formatQuantityText(64, dsl::dimWords()) == "64 words");
  CHECK(formatQuantityText(3, dsl::dimCycles()) == "3 cycles");
}

TEST_CASE("frequencies, times, bandwidths and energies use SI units", "[sweep][units]") {
  CHECK(formatQuantityText(2e8, dsl::dimFrequency()) == "200 MHz");
  CHECK(formatQuantityText(1.5e9, dsl::dimFrequency()) == "1.5 GHz");
  CHECK(formatQuantityText(999, dsl::dimFrequency()) == "999 Hz");
  CHECK(formatQuantityText(0, dsl::dimFrequency()) == "0 Hz");
  CHECK(formatQuantityText(200000001, dsl::dimFrequency()) == "200.000001 MHz"); // not rounded
  CHECK(formatQuantityText(1.5e-3, dsl::dimTime()) == "1.5 ms");
  CHECK(formatQuantityText(2.5e-9, dsl::dimTime()) == "2.5 ns");
  CHECK(formatQuantityText(1e-10, dsl::dimTime()) == "0.1 ns");
  CHECK(formatQuantityText(120, dsl::dimTime()) == "120 s");
  CHECK(formatQuantityText(12.8e9 * 8, dsl::dimBitsPerSecond()) == "12.8 GB/s");
  CHECK(formatQuantityText(12, dsl::dimBitsPerSecond()) == "12 bit/s");
  CHECK(formatQuantityText(0.5e-12, dsl::dimEnergy()) == "500 fJ");
  CHECK(formatQuantityText(0.25, dsl::dimPower()) == "250 mW");
}

TEST_CASE("plain numbers and unnamed dimensions keep the canonical text", "[sweep][units]") {
  CHECK(formatQuantityText(12, dsl::Dim::none()) == "12");
  CHECK(formatQuantityText(0.3, dsl::Dim::none()) == "0.3");
  dsl::Dim odd = dsl::dimBits() * dsl::dimTime();
  CHECK(formatQuantityText(884736, odd) == "884736");
  CHECK(formatParamValue(884736, "") == "884736");
  CHECK(formatParamValue(884736, "furlong") == "884736"); // unknown: as before
  CHECK(formatParamValue(884736, "KiB") == "884736");     // not a base unit
  CHECK(formatParamValue(884736, "bit") == "108 KiB");
  CHECK(formatParamValue(2e8, "Hz") == "200 MHz");
}

TEST_CASE("texts with a unit read back as the same value", "[sweep][units]") {
  struct Case {
    double v;
    dsl::Dim dim;
  };
  for (Case c : {Case{884736, dsl::dimBits()}, Case{884744, dsl::dimBits()},
                 Case{2e8, dsl::dimFrequency()}, Case{1.5e-3, dsl::dimTime()},
                 Case{12.8e9 * 8, dsl::dimBitsPerSecond()}, Case{0.5e-12, dsl::dimEnergy()}}) {
    std::string text = formatQuantityText(c.v, c.dim);
    size_t pos = 0;
    auto q = parseQuantity(text, pos, &c.dim);
    REQUIRE(q);
    CHECK(q->hasUnit);
    CHECK(q->dim == c.dim);
    CHECK(canonicalValue(q->value) == c.v);
    CHECK(pos == text.size());
  }
}

TEST_CASE("base unit names are the scale-1 units of the table", "[sweep][units]") {
  CHECK(baseUnitName(dsl::dimBits()) == "bit");
  CHECK(baseUnitName(dsl::dimFrequency()) == "Hz");
  CHECK(baseUnitName(dsl::dimBitsPerSecond()) == "bit/s");
  CHECK(baseUnitName(dsl::dimTime()) == "s");
  CHECK(baseUnitName(dsl::Dim::none()) == "");
  CHECK(baseUnitName(dsl::dimArea()) == ""); // no unit of scale 1: shown as plain numbers
}

namespace {
Record unitRecord() {
  Record r;
  r.point = 3;
  r.params = {{"cols", 14}, {"freq", 2e8}, {"glb", 884736}};
  r.key = pointKey(r.params);
  r.paramUnits = {{"freq", "Hz"}, {"glb", "bit"}};
  r.error = "no valid mapping";
  return r;
}
} // namespace

TEST_CASE("param units round-trip through a record line", "[sweep][units][record]") {
  Record r = unitRecord();
  std::string line = recordToJsonLine(r);
  CHECK(line.find("\"params\":{\"cols\":14,\"freq\":200000000,\"glb\":884736},"
                  "\"param_units\":{\"freq\":\"Hz\",\"glb\":\"bit\"},") != std::string::npos);
  CHECK(line.find("\"key\":\"cols=14,freq=200000000,glb=884736\"") != std::string::npos);
  auto back = parseRecordLine(line);
  REQUIRE(back);
  CHECK(*back == r);
  CHECK(recordToJsonLine(*back) == line);
  CHECK(paramText(*back, "glb") == "108 KiB");
  CHECK(paramText(*back, "freq") == "200 MHz");
  CHECK(paramText(*back, "cols") == "14");
  CHECK(paramText(*back, "rows") == "-");
  CHECK(describeParams(*back) == "cols=14, freq=200 MHz, glb=108 KiB");
}

TEST_CASE("records without param units are read and shown as before", "[sweep][units][record]") {
  Record r = unitRecord();
  r.paramUnits.clear();
  std::string line = recordToJsonLine(r);
  CHECK(line.find("param_units") == std::string::npos);
  auto back = parseRecordLine(line);
  REQUIRE(back);
  CHECK(back->paramUnits.empty());
  CHECK(describeParams(*back) == "cols=14, freq=200000000, glb=884736");
  Record none;
  none.error = "x";
  CHECK(describeParams(none) == "(no params)");
}

TEST_CASE("a malformed param_units field is located", "[sweep][units][record]") {
  std::string good = recordToJsonLine(unitRecord());
  for (const char *bad : {"\"param_units\":[\"bit\"]", "\"param_units\":{\"glb\":8}",
                          "\"param_units\":{\"rows\":\"bit\"}"}) {
    std::string line = good;
    size_t at = line.find("\"param_units\":");
    size_t end = line.find('}', at) + 1;
    line.replace(at, end - at, bad);
    auto r = parseRecordLine(line);
    REQUIRE_FALSE(r);
    CHECK(r.error().message.find("param_units") != std::string::npos);
    CHECK(r.error().column == at + 1);
  }
}

TEST_CASE("merging records with and without param units keeps the units",
          "[sweep][units][merge]") {
  Record withUnits = unitRecord();
  Record old = withUnits;
  old.paramUnits.clear();
  old.point = 1; // the smaller point is kept, with the units of the other
  auto merged = uniqueByKey({{withUnits, "new.jsonl", 1}, {old, "old.jsonl", 1}});
  REQUIRE(merged);
  REQUIRE(merged->size() == 1);
  CHECK(merged->front().record.point == 1);
  CHECK(merged->front().record.paramUnits == withUnits.paramUnits);

  Record other = withUnits;
  other.paramUnits = {{"freq", "Hz"}, {"glb", "words"}};
  auto conflict = uniqueByKey({{withUnits, "a.jsonl", 1}, {other, "b.jsonl", 2}});
  REQUIRE_FALSE(conflict);
  CHECK(conflict.error().find("\"param_units\"") != std::string::npos);
}

TEST_CASE("planned points carry the units of their params", "[sweep][units][options]") {
  dsl::ParamInfo glb;
  glb.name = "glb";
  glb.value = {65536, dsl::dimBits(), true};
  glb.domainKind = dsl::ParamInfo::DomainKind::Set;
  glb.set = {65536, 884736};
  dsl::ParamInfo rows;
  rows.name = "rows";
  rows.value = {8, dsl::Dim::none(), true};
  rows.domainKind = dsl::ParamInfo::DomainKind::Set;
  rows.set = {8, 12};
  SweepOptions options;
  auto points = planPoints(options, {glb, rows});
  REQUIRE(points);
  REQUIRE(points->size() == 4);
  for (const DesignPoint &p : *points)
    CHECK(p.units == ParamUnits{{"glb", "bit"}});
}
