// Reading exec answers: a cost report written by costReportToJson reads back field for field,
// and each malformed answer gets its message.
#include "ExecAnswer.h"
#include "RandomCase.h"

#include "tessel/cost/Analytical.h"
#include "tessel/cost/MappingJson.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace tessel::cost;

namespace {

std::string answer(nlohmann::ordered_json body, int64_t id = 9) {
  nlohmann::ordered_json doc = {{"version", 1}, {"id", id}};
  for (auto &[key, value] : body.items())
    doc[key] = value;
  return doc.dump();
}

} // namespace

TEST_CASE("a cost report in the JSON report format is a valid exec answer", "[exec]") {
  int valid = 0;
  for (uint64_t seed = 1; seed <= 100; ++seed) {
    testing::Case c = testing::randomCase(seed);
    CostReport expected = AnalyticalModel(c.problem, c.arch).evaluate(c.mapping);
    nlohmann::ordered_json body = costReportToJsonValue(expected, c.problem, c.arch);
    body["model"] = "analytical"; // as in `tessel eval --json`
    CostReport read;
    INFO(testing::describe(c));
    REQUIRE(readExecAnswer(answer(body), 9, c.problem, c.arch, read) == "");
    REQUIRE(read.valid == expected.valid);
    if (!read.valid) {
      CHECK(read.violations == expected.violations);
      continue;
    }
    ++valid;
    CHECK(read.macs == expected.macs);
    CHECK(read.cycles == expected.cycles);
    CHECK(read.computeCycles == expected.computeCycles);
    CHECK(read.boundLevel == expected.boundLevel);
    CHECK(read.utilization == Approx(expected.utilization));
    CHECK(read.levelCycles == expected.levelCycles);
    CHECK(read.activeInstances == expected.activeInstances);
    CHECK(read.networkTransfers == expected.networkTransfers);
    CHECK(read.totalEnergy == Approx(expected.totalEnergy));
    CHECK(read.storageEnergy == Approx(expected.storageEnergy));
    CHECK(read.macEnergy == Approx(expected.macEnergy));
    CHECK(read.networkEnergy == Approx(expected.networkEnergy));
    CHECK(read.leakageEnergy == Approx(expected.leakageEnergy));
    CHECK(read.totalArea == Approx(expected.totalArea));
    CHECK(read.computeArea == Approx(expected.computeArea));
    for (size_t i = 0; i < expected.stats.size(); ++i) {
      CHECK(read.stats[i].total == expected.stats[i].total);
      CHECK(read.stats[i].perInstance == expected.stats[i].perInstance);
      CHECK(read.stats[i].readEnergy == Approx(expected.stats[i].readEnergy));
      CHECK(read.stats[i].fillEnergy == Approx(expected.stats[i].fillEnergy));
    }
  }
  CHECK(valid >= 50);
}

TEST_CASE("a minimal exec answer gets the documented defaults", "[exec]") {
  testing::Case c = testing::randomCase(7);
  CostReport read;
  REQUIRE(readExecAnswer(answer({{"valid", true}, {"cycles", 99.2}, {"energy_pj", {{"total", 5}}}}),
                         9, c.problem, c.arch, read) == "");
  int64_t units = c.arch.computeUnits();
  CHECK(read.cycles == 100);
  CHECK(read.macs == c.problem.macs());
  CHECK(read.computeCycles == (c.problem.macs() + units - 1) / units);
  CHECK(read.utilization == Approx(double(c.problem.macs()) / (100.0 * double(units))));
  CHECK(read.boundLevel == -1);
  CHECK(read.activeInstances == std::vector<int64_t>(c.arch.levels.size(), 1));
  CHECK(read.stats.size() == c.arch.levels.size() * c.problem.tensors.size());
  CHECK(read.totalEnergy == 5);
}

TEST_CASE("malformed exec answers are rejected with what is wrong", "[exec]") {
  testing::Case c = testing::randomCase(7);
  std::string level = c.arch.levels[0].name, tensor = c.problem.tensors[0].name;
  nlohmann::ordered_json cost = {{"valid", true}, {"cycles", 1}, {"energy_pj", {{"total", 1}}}};
  auto with = [&](const std::string &key, nlohmann::ordered_json value) {
    nlohmann::ordered_json body = cost;
    body[key] = std::move(value);
    return answer(body);
  };
  auto error = [&](const std::string &line) {
    CostReport read;
    std::string message = readExecAnswer(line, 9, c.problem, c.arch, read);
    CHECK(!read.valid);
    return message;
  };
  CHECK(error(answer({{"valid", true}, {"energy_pj", {{"total", 1}}}})) ==
        "missing 'cycles' in the answer");
  CHECK(error(answer({{"valid", true}, {"cycles", 1}})) == "missing 'energy_pj' in the answer");
  CHECK(error(with("cycles", -1)) ==
        "'cycles' in the answer must be a non-negative number, got -1");
  CHECK(error(with("bound_by", "L9")) ==
        "'bound_by' names \"L9\", which is neither 'compute' nor a level");
  CHECK(error(with("levels", {{{"name", "L9"}}})) ==
        "level \"L9\" is not a level of arch '" + c.arch.name + "'");
  CHECK(error(with("levels", {{{"name", level}, {"tensors", {{"T9", {}}}}}})) ==
        "tensor 'T9' of level '" + level + "' is not a tensor of '" + c.problem.name + "'");
  CHECK(error(with("levels",
                   {{{"name", level}, {"tensors", {{tensor, {{"total", {{"reads", -1}}}}}}}}})) ==
        "'reads' in 'total' of tensor '" + tensor + "' of level '" + level +
            "' must be a non-negative number, got -1");
  CHECK(error(answer({{"valid", false}, {"violations", nlohmann::ordered_json::array()}})) ==
        "'violations' must be a non-empty array of strings");
  CHECK(error(answer({{"valid", "yes"}})) == "'valid' must be true or false");
  CHECK(error("[1, 2]") == "the answer must be a JSON object");
  CHECK(error(answer({{"valid", true}}, 8)) == "the answer has id 8 but the request had id 9");
  CHECK(error(R"({"id": 9, "valid": true})") == "missing 'version' in the answer");
  CHECK(error("{\"version\": 1, \"id\": 9, ").rfind("it answered malformed JSON (", 0) == 0);
}
