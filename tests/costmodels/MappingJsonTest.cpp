// The mapping JSON format: round trips, every reader error with its line:col, report JSON.
#include "tessel/cost/Analytical.h"
#include "tessel/cost/MappingJson.h"

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

using namespace tessel::cost;

namespace {

/// O[p] += I[p + r] * W[r] for P = 8, R = 3 as layer "conv".
Problem conv() {
  Problem p;
  p.name = "conv";
  p.dims = {{"P", 8}, {"R", 3}};
  std::vector<std::string> errors;
  p.tensors.push_back(makeTensor(p, "I", {{{"P", 1}, {"R", 1}}}, false, errors));
  p.tensors.push_back(makeTensor(p, "W", {{{"R", 1}}}, false, errors));
  p.tensors.push_back(makeTensor(p, "O", {{{"P", 1}}}, true, errors));
  REQUIRE(errors.empty());
  return p;
}

/// DRAM -> Buffer (keeps I and O) -> 4x2 fan-out -> RegFile (keeps W).
Arch arch() {
  Arch a;
  a.name = "toy";
  StorageLevel dram, buffer, regs;
  dram.name = "DRAM";
  buffer.name = "Buffer";
  buffer.keepMask = 0b101;
  buffer.readEnergy = 2;
  regs.name = "RegFile";
  regs.keepMask = 0b010;
  regs.readEnergy = 0.5;
  a.levels = {dram, buffer, regs};
  FanOut array;
  array.x = 4;
  array.y = 2;
  a.fanOuts = {FanOut{}, array, FanOut{}};
  a.compute.macEnergy = 1;
  return a;
}

Mapping sample() {
  Mapping m;
  m.levels.resize(3);
  m.levels[0].temporal = {{0, 2}};
  m.levels[1].spatial = {{0, 4, Axis::X}};
  m.levels[1].bypass = 0b100; // Buffer bypasses O
  m.levels[2].temporal = {{1, 3}};
  return m;
}

bool sameMapping(const Mapping &a, const Mapping &b) {
  if (a.levels.size() != b.levels.size())
    return false;
  for (size_t l = 0; l < a.levels.size(); ++l) {
    const LevelMapping &x = a.levels[l], &y = b.levels[l];
    if (x.bypass != y.bypass || x.temporal.size() != y.temporal.size() ||
        x.spatial.size() != y.spatial.size())
      return false;
    for (size_t i = 0; i < x.temporal.size(); ++i)
      if (x.temporal[i].dim != y.temporal[i].dim || x.temporal[i].factor != y.temporal[i].factor)
        return false;
    for (size_t i = 0; i < x.spatial.size(); ++i)
      if (x.spatial[i].dim != y.spatial[i].dim || x.spatial[i].factor != y.spatial[i].factor ||
          x.spatial[i].axis != y.spatial[i].axis)
        return false;
  }
  return true;
}

/// Parses `text`, requires exactly one error and returns it.
JsonError oneError(const std::string &text) {
  MappingParseResult r = parseMappingJson(text, conv(), arch());
  INFO(text);
  for (const JsonError &e : r.errors)
    INFO(formatJsonError(e, "m.json"));
  REQUIRE_FALSE(r.mapping);
  REQUIRE(r.errors.size() == 1);
  return r.errors[0];
}

} // namespace

TEST_CASE("mapping JSON: write then read gives the same mapping", "[mapping-json]") {
  Problem p = conv();
  Arch a = arch();
  std::string text = mappingToJson(sample(), p, a);
  MappingParseResult r = parseMappingJson(text, p, a);
  REQUIRE(r.errors.empty());
  REQUIRE(r.mapping);
  CHECK(sameMapping(*r.mapping, sample()));
  // Names, not indices: the text spells every level, dim, axis and tensor.
  nlohmann::json doc = nlohmann::json::parse(text);
  CHECK(doc["version"] == kMappingFormatVersion);
  CHECK(doc["layer"] == "conv");
  CHECK(doc["arch"] == "toy");
  CHECK(doc["levels"][1]["name"] == "Buffer");
  CHECK(doc["levels"][1]["spatial"][0] ==
        nlohmann::json({{"dim", "P"}, {"factor", 4}, {"axis", "x"}}));
  CHECK(doc["levels"][1]["bypass"] == nlohmann::json({"O"}));
  CHECK(doc["levels"][2]["temporal"][0] == nlohmann::json({{"dim", "R"}, {"factor", 3}}));
  // Writing what was read gives the same text.
  CHECK(mappingToJson(*r.mapping, p, a) == text);
  CHECK(mappingToJson(sample(), p, a, -1).find('\n') == std::string::npos);
}

TEST_CASE("mapping JSON: levels by name in any order, omitted levels empty", "[mapping-json]") {
  MappingParseResult r = parseMappingJson(R"({"version": 1, "levels": [
    {"name": "RegFile", "temporal": [{"dim": "R", "factor": 3}]},
    {"name": "Buffer", "spatial": [{"dim": "P", "factor": 2, "axis": "y"}]},
    {"name": "DRAM", "temporal": [{"dim": "P", "factor": 4}], "bypass": []}]})",
                                          conv(), arch());
  REQUIRE(r.errors.empty());
  REQUIRE(r.mapping);
  REQUIRE(r.mapping->levels.size() == 3);
  CHECK(r.mapping->levels[0].temporal[0].factor == 4);
  CHECK(r.mapping->levels[1].spatial[0].axis == Axis::Y);
  CHECK(r.mapping->levels[2].temporal[0].dim == 1);
  CHECK(checkMapping(conv(), arch(), *r.mapping).empty());

  MappingParseResult empty = parseMappingJson(R"({"version": 1, "levels": []})", conv(), arch());
  REQUIRE(empty.mapping);
  CHECK(empty.mapping->levels.size() == 3);
}

TEST_CASE("mapping JSON: a list of mappings is searched by layer", "[mapping-json]") {
  Problem p = conv();
  Arch a = arch();
  nlohmann::ordered_json other = mappingToJsonValue(Mapping{}, p, a);
  other["layer"] = "fc";
  other.erase("version");
  nlohmann::ordered_json mine = mappingToJsonValue(sample(), p, a);
  nlohmann::ordered_json doc = {{"version", 1}, {"mappings", {other, mine}}};
  MappingParseResult r = parseMappingJson(doc.dump(2), p, a);
  REQUIRE(r.errors.empty());
  REQUIRE(r.mapping);
  CHECK(sameMapping(*r.mapping, sample()));

  p.name = "convv";
  MappingParseResult missing = parseMappingJson(doc.dump(), p, a);
  REQUIRE(missing.errors.size() == 1);
  CHECK(missing.errors[0].message ==
        "unknown layer 'convv' in \"mappings\"; did you mean 'conv'?");
  CHECK(missing.errors[0].line == 1);
  CHECK(missing.errors[0].column == 25);
}

TEST_CASE("mapping JSON: malformed JSON is reported at its line and column", "[mapping-json]") {
  JsonError e = oneError("{\"version\": 1,\n  \"levels\": [\n    {\"name\": \"DRAM\",}\n  ]\n}");
  CHECK(e.line == 3);
  CHECK(e.column == 21);
  CHECK(e.message.rfind("invalid JSON: syntax error", 0) == 0);
  CHECK(formatJsonError(e, "m.json").rfind("m.json:3:21: error: invalid JSON: ", 0) == 0);

  // A misplaced token is reported where it starts.
  JsonError token = oneError("{\"version\": 1,\n \"levels\": [\n  {\"name\": \"DRAM\" \"temporal\": []}]}");
  CHECK(token.line == 3);
  CHECK(token.column == 19);
  JsonError number = oneError("{\"version\": 1 12345}");
  CHECK(number.column == 15);

  JsonError eof = oneError("{\"version\": 1,\n \"levels\": [");
  CHECK(eof.line == 2);
  CHECK(eof.message.find("unexpected end of input") != std::string::npos);

  JsonError top = oneError("[1, 2]");
  CHECK(top.message == "a mapping document must be a JSON object");
  CHECK(formatJsonError(top, "m.json") == "m.json:1:1: error: a mapping document must be a JSON object");
}

TEST_CASE("mapping JSON: every name error points at the name", "[mapping-json]") {
  struct Case {
    std::string text;
    int line, column;
    std::string message;
  };
  const std::vector<Case> cases = {
      {R"({"version": 1, "levels": [{"name": "Bufer"}]})", 1, 36,
       "unknown level 'Bufer' in arch 'toy'; did you mean 'Buffer'?"},
      {R"({"version": 1, "levels": [{"name": "Scratchpad"}]})", 1, 36,
       "unknown level 'Scratchpad' in arch 'toy' (levels are: DRAM, Buffer, RegFile)"},
      {R"({"version": 1, "levels": [{"name": "dram"}]})", 1, 36,
       "unknown level 'dram' in arch 'toy'; did you mean 'DRAM'?"},
      {R"({"version": 1, "levels": [{"name": "RegFil"}]})", 1, 36,
       "unknown level 'RegFil' in arch 'toy'; did you mean 'RegFile'?"},
      {"{\"version\": 1, \"levels\": [\n {\"name\": \"DRAM\",\n  \"temporal\": [{\"dim\": \"p\", "
       "\"factor\": 8}]}]}",
       3, 24, "unknown dim 'p' in layer 'conv'; did you mean 'P'?"},
      {R"({"version": 1, "levels": [{"name": "DRAM", "bypass": ["Q"]}]})", 1, 55,
       "unknown tensor 'Q' in layer 'conv' (tensors are: I, W, O)"},
      {R"({"version": 1, "levels": [{"name": "DRAM", "temporall": []}]})", 1, 44,
       "unknown key 'temporall' in a level; did you mean 'temporal'?"},
      {R"({"version": 1, "levls": [], "levels": []})", 1, 16,
       "unknown key 'levls' in a mapping; did you mean 'levels'?"},
      {R"({"version": 1, "levels": [{"name": "DRAM"}, {"name": "DRAM"}]})", 1, 54,
       "level 'DRAM' appears twice (first at 1:27)"},
      {R"({"version": 1, "levels": [{"name": 3}]})", 1, 36, "level must be a name (a string)"},
  };
  for (const Case &c : cases) {
    JsonError e = oneError(c.text);
    CHECK(e.message == c.message);
    CHECK(e.line == c.line);
    CHECK(e.column == c.column);
  }
}

TEST_CASE("mapping JSON: loop, version and structure errors", "[mapping-json]") {
  struct Case {
    std::string text;
    std::string message;
    std::string path;
  };
  const std::vector<Case> cases = {
      {R"({"levels": []})", "missing \"version\" (this tessel reads version 1)", ""},
      {R"({"version": 2, "levels": []})",
       "unsupported mapping format version 2 (this tessel reads version 1)", "/version"},
      {R"({"version": 1})", "missing \"levels\" (an array with one entry per storage level)", ""},
      {R"({"version": 1, "levels": {}})", "\"levels\" must be an array", "/levels"},
      {R"({"version": 1, "levels": [3]})", "a level must be an object with a \"name\"",
       "/levels/0"},
      {R"({"version": 1, "levels": [{"temporal": []}]})",
       "missing \"name\" of the storage level", "/levels/0"},
      {R"({"version": 1, "levels": [{"name": "DRAM", "temporal": {}}]})",
       "\"temporal\" must be an array of loops", "/levels/0/temporal"},
      {R"({"version": 1, "levels": [{"name": "DRAM", "temporal": [{"dim": "P", "factor": 0}]}]})",
       "factor must be a positive integer, got 0", "/levels/0/temporal/0/factor"},
      {R"({"version": 1, "levels": [{"name": "DRAM", "temporal": [{"dim": "P", "factor": 2.5}]}]})",
       "factor must be a positive integer, got 2.5", "/levels/0/temporal/0/factor"},
      {R"({"version": 1, "levels": [{"name": "DRAM", "temporal": [{"dim": "P"}]}]})",
       "missing \"factor\" of the loop", "/levels/0/temporal/0"},
      {R"({"version": 1, "levels": [{"name": "DRAM", "temporal": [{"factor": 2}]}]})",
       "missing \"dim\" of the loop", "/levels/0/temporal/0"},
      {R"({"version": 1, "levels": [{"name": "DRAM", "temporal": ["P"]}]})",
       "a temporal loop must be an object {\"dim\", \"factor\"}", "/levels/0/temporal/0"},
      {R"({"version": 1, "levels": [{"name": "Buffer", "spatial": [{"dim": "P", "factor": 4}]}]})",
       "missing \"axis\" (\"x\" or \"y\") of the spatial loop at level 'Buffer'",
       "/levels/0/spatial/0"},
      {R"({"version": 1, "levels": [{"name": "Buffer",
          "spatial": [{"dim": "P", "factor": 4, "axis": "z"}]}]})",
       "axis must be \"x\" or \"y\", got \"z\"", "/levels/0/spatial/0/axis"},
      {R"({"version": 1, "levels": [{"name": "DRAM", "bypass": "O"}]})",
       "\"bypass\" must be an array of tensor names", "/levels/0/bypass"},
      {R"({"version": 1, "layer": 3, "levels": []})", "\"layer\" must be a string", "/layer"},
      {R"({"version": 1, "mappings": {}})", "\"mappings\" must be an array of mappings",
       "/mappings"},
      {R"({"version": 1, "mappings": [{"levels": []}]})",
       "every entry of \"mappings\" must be an object with a \"layer\" name", "/mappings/0"},
      {R"({"version": 1, "mappings": [{"layer": "conv", "levels": []},
          {"layer": "conv", "levels": []}]})",
       "layer 'conv' has a second mapping (the first is entry 0)", "/mappings/1/layer"},
  };
  for (const Case &c : cases) {
    JsonError e = oneError(c.text);
    CHECK(e.message == c.message);
    CHECK(e.path == c.path);
    CHECK(e.line >= 1);
  }
}

TEST_CASE("mapping JSON: every error of a document is reported", "[mapping-json]") {
  MappingParseResult r = parseMappingJson(R"({"version": 1, "levels": [
    {"name": "DRAM", "temporal": [{"dim": "X", "factor": 2}, {"dim": "P", "factor": -1}]},
    {"name": "Bufer"}]})",
                                          conv(), arch());
  CHECK_FALSE(r.mapping);
  REQUIRE(r.errors.size() == 3);
  CHECK(r.errors[0].line == 2);
  CHECK(r.errors[2].line == 3);
}

TEST_CASE("cost report JSON carries counts, energies and the bound", "[mapping-json]") {
  Problem p = conv();
  Arch a = arch();
  CostReport report = AnalyticalModel(p, a).evaluate(sample());
  REQUIRE(report.valid);
  nlohmann::json doc = nlohmann::json::parse(costReportToJson(report, p, a));
  CHECK(doc["valid"] == true);
  CHECK(doc["macs"] == 24);
  CHECK(doc["cycles"] == report.cycles);
  CHECK(doc["bound_by"] == report.boundBy(a));
  CHECK(doc["compute_units"] == 8);
  CHECK(doc["energy_pj"]["total"].get<double>() == Approx(report.totalEnergy));
  CHECK(doc["energy_pj"]["mac"].get<double>() == Approx(24.0));
  REQUIRE(doc["levels"].size() == 3);
  CHECK(doc["levels"][2]["name"] == "RegFile");
  CHECK(doc["levels"][2]["instances"] == 8);
  CHECK(doc["levels"][2]["active_instances"] == 4);
  const auto &w = doc["levels"][2]["tensors"]["W"];
  CHECK(w["total"]["reads"] == report.at(2, 1).total.reads);
  CHECK(w["per_instance"]["fills"] == report.at(2, 1).perInstance.fills);
  CHECK(w["energy_pj"]["read"].get<double>() == Approx(report.at(2, 1).readEnergy));

  CostReport bad;
  bad.violations = {"factors of dim 'P' multiply to 4, bound is 8"};
  nlohmann::json invalid = nlohmann::json::parse(costReportToJson(bad, p, a));
  CHECK(invalid["valid"] == false);
  CHECK(invalid["violations"][0] == "factors of dim 'P' multiply to 4, bound is 8");
}

TEST_CASE("a mapping with its cost reads back as the same mapping", "[mapping-json]") {
  Problem p = conv();
  Arch a = arch();
  CostReport report = AnalyticalModel(p, a).evaluate(sample());
  std::string text = mappingWithCostToJson(sample(), p, a, report, "analytical");
  nlohmann::json doc = nlohmann::json::parse(text);
  CHECK(doc["cost"]["model"] == "analytical");
  CHECK(doc["cost"]["macs"] == 24);
  CHECK(doc["cost"]["valid"] == true);
  MappingParseResult back = parseMappingJson(text, p, a);
  REQUIRE(back.errors.empty());
  REQUIRE(back.mapping);
  CHECK(sameMapping(*back.mapping, sample()));
}
