// The registry, the CostModel interface and the roofline model on a hand-checked case.
#include "tessel/cost/Convention.h"
#include "tessel/cost/Registry.h"

#include <catch2/catch.hpp>

using namespace tessel::cost;

namespace {

/// C[m, n] += A[m, k] * B[k, n] with M = N = K = 2 in one DRAM level feeding one MAC.
struct Matmul {
  Problem problem;
  Arch arch;
  Mapping mapping;
  Matmul() {
    problem.dims = {{"m", 2}, {"n", 2}, {"k", 2}};
    std::vector<std::string> errors;
    problem.tensors = {makeTensor(problem, "A", {{{"m", 1}}, {{"k", 1}}}, false, errors),
                       makeTensor(problem, "B", {{{"k", 1}}, {{"n", 1}}}, false, errors),
                       makeTensor(problem, "C", {{{"m", 1}}, {{"n", 1}}}, true, errors)};
    StorageLevel dram;
    dram.name = "DRAM";
    arch.levels = {dram};
    arch.fanOuts = {FanOut{}};
    mapping.levels = {LevelMapping{{{0, 2}, {1, 2}, {2, 2}}, {}, 0}};
  }
};

} // namespace

TEST_CASE("registry builds the built-in models by name", "[cost][registry]") {
  Registry registry;
  registerBuiltinCostModels(registry);
  CHECK(registry.costModelNames() ==
        std::vector<std::string>{"analytical", "analytical(timeloop)", "oracle",
                                 "oracle(timeloop)", "roofline", "systolic", "systolic(is)",
                                 "systolic(os)", "systolic(ws)"});
  Matmul mm;
  for (const std::string &name : registry.costModelNames()) {
    std::unique_ptr<CostModel> model = registry.createCostModel(name, mm.problem, mm.arch);
    REQUIRE(model);
    CHECK(model->name() == name);
    CHECK(model->evaluate(mm.mapping).valid);
  }
  std::string error;
  CHECK(!registry.createCostModel("timeloop", mm.problem, mm.arch, &error));
  CHECK(error == "unknown cost model 'timeloop' (known: analytical analytical(timeloop) oracle "
                 "oracle(timeloop) roofline systolic systolic(is) systolic(os) systolic(ws))");
  CHECK(registry.addCostModel("oracle", [](const Problem &, const Arch &) {
    return std::unique_ptr<CostModel>();
  }) == "cost model 'oracle' is already registered");
  CHECK(registry.addCostModel("x", nullptr) == "cost model 'x' has no factory");
  CHECK(registry.addCostModel("", nullptr) == "cost model name is empty");
}

TEST_CASE("conventions have names and select registered models", "[cost][registry]") {
  CHECK(parseConvention("tessel") == Convention::Tessel);
  CHECK(parseConvention("timeloop") == Convention::Timeloop);
  CHECK(!parseConvention("Timeloop"));
  CHECK(!parseConvention(""));
  CHECK(std::string(conventionName(Convention::Timeloop)) == "timeloop");
  CHECK(conventionModelName("analytical", Convention::Tessel) == "analytical");
  CHECK(conventionModelName("oracle", Convention::Timeloop) == "oracle(timeloop)");
  Registry registry;
  registerBuiltinCostModels(registry);
  Matmul mm;
  CHECK(registry.createCostModel("analytical(timeloop)", mm.problem, mm.arch)->name() ==
        "analytical(timeloop)");
  CHECK(!registry.createCostModel(conventionModelName("roofline", Convention::Timeloop),
                                  mm.problem, mm.arch));
}

TEST_CASE("roofline counts compulsory traffic", "[cost][roofline]") {
  Registry registry;
  registerBuiltinCostModels(registry);
  Matmul mm;
  CostReport r = registry.createCostModel("roofline", mm.problem, mm.arch)->evaluate(mm.mapping);
  REQUIRE(r.valid);
  // Each of the 4 elements of A and B is read once; the 4 outputs are updated once, no
  // read-backs; compute cycles are the mapping's 8.
  CHECK(r.at(0, 0).total == AccessCounts{0, 4, 0, 0});
  CHECK(r.at(0, 1).total == AccessCounts{0, 4, 0, 0});
  CHECK(r.at(0, 2).total == AccessCounts{0, 0, 4, 0});
  CHECK(r.cycles == 8);
  Mapping bad = mm.mapping;
  bad.levels[0].temporal[0].factor = 3;
  CHECK(!registry.createCostModel("roofline", mm.problem, mm.arch)->evaluate(bad).valid);
}
