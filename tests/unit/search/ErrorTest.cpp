// Every error path of the search: invalid inputs, constraints, options and models, and the
// diagnosis when no mapping is valid.
#include "tessel/Search/Search.h"
#include "tessel/cost/Analytical.h"
#include "tessel/cost/Roofline.h"

#include <catch2/catch.hpp>

#include <atomic>

using namespace tessel;
using namespace tessel::search;

namespace {

/// C[m] += A[m, k] * B[k] with M = 4, K = 6 on DRAM -> buffer (keeps A and C) -> 2 MACs.
struct Fixture {
  cost::Problem problem;
  cost::Arch arch;
  Fixture() {
    problem.dims = {{"m", 4}, {"k", 6}};
    std::vector<std::string> errors;
    problem.tensors.push_back(cost::makeTensor(problem, "A", {{{"m", 1}}, {{"k", 1}}}, false, errors));
    problem.tensors.push_back(cost::makeTensor(problem, "B", {{{"k", 1}}}, false, errors));
    problem.tensors.push_back(cost::makeTensor(problem, "C", {{{"m", 1}}}, true, errors));
    cost::StorageLevel dram, buf;
    dram.name = "DRAM";
    dram.readEnergy = dram.writeEnergy = dram.updateEnergy = 10;
    buf.name = "Buf";
    buf.keepMask = 1 | 4;
    buf.capacityWords = 16;
    buf.readEnergy = buf.writeEnergy = buf.updateEnergy = 1;
    arch.levels = {dram, buf};
    cost::FanOut two;
    two.x = 2;
    arch.fanOuts = {cost::FanOut{}, two};
  }
  SearchResult run(const cost::MapConstraints &cons, const SearchOptions &options) const {
    return search::search(problem, arch, cons, options, analytical());
  }
  static cost::CostModelFactory analytical() {
    return [](const cost::Problem &p, const cost::Arch &a) {
      return std::make_unique<cost::AnalyticalModel>(p, a);
    };
  }
};

bool mentions(const std::vector<std::string> &lines, const std::string &what) {
  for (const std::string &l : lines)
    if (l.find(what) != std::string::npos)
      return true;
  return false;
}

} // namespace

TEST_CASE("the fixture has an optimum", "[search][errors]") {
  Fixture f;
  SearchResult r = f.run({}, {});
  REQUIRE(r.errors.empty());
  CHECK(r.status == SearchStatus::Optimal);
}

TEST_CASE("invalid problems, archs and constraints are errors", "[search][errors]") {
  Fixture f;
  SECTION("problem") {
    f.problem.tensors[2].isOutput = false;
    CHECK(mentions(f.run({}, {}).errors, "output"));
  }
  SECTION("arch") {
    f.arch.fanOuts.pop_back();
    CHECK(!f.run({}, {}).errors.empty());
  }
  cost::MapConstraints cons;
  cons.levels.resize(2);
  SECTION("constraint level count") {
    cons.levels.resize(3);
    CHECK(mentions(f.run(cons, {}).errors, "constraints list 3 levels"));
  }
  SECTION("keep and bypass") {
    cons.levels[1].keep = cons.levels[1].bypass = 1;
    CHECK(mentions(f.run(cons, {}).errors, "both keep and bypass 'A'"));
  }
  SECTION("keep what the level cannot keep") {
    cons.levels[1].keep = 2;
    CHECK(mentions(f.run(cons, {}).errors, "keep 'B', which it cannot keep"));
  }
  SECTION("bypass at the outermost level") {
    cons.levels[0].bypass = 1;
    CHECK(mentions(f.run(cons, {}).errors, "outermost"));
  }
  SECTION("unknown and repeated order dims") {
    cons.levels[0].order = {0, 7, 0};
    auto errors = f.run(cons, {}).errors;
    CHECK(mentions(errors, "unknown dim #7"));
    CHECK(mentions(errors, "lists dim 'm' twice"));
  }
  SECTION("unknown stationary tensor") {
    cons.stationary = 8;
    CHECK(mentions(f.run(cons, {}).errors, "unknown stationary tensor"));
  }
}

TEST_CASE("invalid options are errors", "[search][errors]") {
  Fixture f;
  SearchOptions o;
  SECTION("threads") { o.threads = -1; }
  SECTION("evaluations") { o.maxEvaluations = -5; }
  SECTION("seconds") { o.maxSeconds = -1; }
  SECTION("max cycles") { o.limits.maxCycles = -1; }
  SECTION("utilization") { o.limits.minUtilization = 1.5; }
  SECTION("energy") { o.limits.maxEnergy = -2; }
  SECTION("empty objective") { o.objective.terms.clear(); }
  SECTION("weight") { o.objective.terms[0].second = 0; }
  SECTION("lexicographic length") {
    o.objective.kind = Objective::Kind::Lexicographic;
    o.objective.terms = {{Metric::Energy, 1}, {Metric::Cycles, 1}, {Metric::EDP, 1},
                         {Metric::Energy, 1}};
  }
  CHECK(!f.run({}, o).errors.empty());
}

TEST_CASE("cost model factories and names are checked", "[search][errors]") {
  Fixture f;
  SearchOptions o;
  CHECK(mentions(search::search(f.problem, f.arch, {}, o, cost::CostModelFactory{}).errors,
                 "no cost model factory"));
  auto none = [](const cost::Problem &, const cost::Arch &) {
    return std::unique_ptr<cost::CostModel>();
  };
  CHECK(mentions(search::search(f.problem, f.arch, {}, o, none).errors, "returned no model"));
  auto roofline = [](const cost::Problem &p, const cost::Arch &a) {
    return std::make_unique<cost::RooflineModel>(p, a);
  };
  CHECK(mentions(search::search(f.problem, f.arch, {}, o, roofline).errors,
                 "model 'roofline' may differ"));
  // Other searchers accept any model.
  o.algorithm = Algorithm::Exhaustive;
  CHECK(search::search(f.problem, f.arch, {}, o, roofline).errors.empty());
  cost::Registry registry;
  cost::registerBuiltinCostModels(registry);
  CHECK(mentions(search::search(f.problem, f.arch, {}, o, registry, "nope").errors, "nope"));
  CHECK(search::search(f.problem, f.arch, {}, o, registry, "oracle").found);
}

TEST_CASE("objective and algorithm names are parsed with clear errors", "[search][errors]") {
  std::string error;
  CHECK(!parseObjective("energi", error));
  CHECK(error.find("unknown metric 'energi'") != std::string::npos);
  CHECK(!parseObjective("x*energy", error));
  CHECK(error.find("bad weight 'x'") != std::string::npos);
  CHECK(!parseObjective("-1*energy", error));
  CHECK(!parseObjective("lex:energy,foo", error));
  CHECK(!parseObjective("lex:energy,cycles,edp,energy", error));
  CHECK(!parseObjective("energy+", error));
  std::optional<Objective> o = parseObjective(" 2*energy + cycles ", error);
  REQUIRE(o);
  CHECK(toString(*o) == "2*energy+cycles");
  CHECK(toString(*parseObjective("lex:latency,edp", error)) == "lex:cycles,edp");
  CHECK(parseAlgorithm("bnb") == Algorithm::BranchAndBound);
  CHECK(parseAlgorithm("anneal") == Algorithm::Anneal);
  CHECK(!parseAlgorithm("genetic"));
}

TEST_CASE("no valid mapping: the diagnosis says why and what to relax", "[search][errors]") {
  Fixture f;
  SECTION("the outermost level cannot hold the problem") {
    f.arch.levels[0].capacityWords = 20;
    SearchResult r = f.run({}, {});
    REQUIRE(r.errors.empty());
    CHECK(r.status == SearchStatus::NoValidMapping);
    CHECK(!r.found);
    CHECK(mentions(r.diagnosis, "holds every tensor whole (34 words)"));
    CHECK(mentions(r.diagnosis, "relax: an unbounded capacity at level 'DRAM'"));
  }
  SECTION("a forced keep that cannot fit") {
    f.arch.levels[1].capacityWords = 1;
    cost::MapConstraints cons;
    cons.levels.resize(2);
    cons.levels[1].keep = 1 | 4;
    SearchResult r = f.run(cons, {});
    CHECK(r.status == SearchStatus::NoValidMapping);
    CHECK(mentions(r.diagnosis, "even one element of each needs 2 words > 1 words"));
    CHECK(mentions(r.diagnosis, "relax: dropping the mapping constraints"));
    CHECK(mentions(r.diagnosis, "relax: an unbounded capacity at level 'Buf'"));
    CHECK(mentions(r.diagnosis, "ruled out"));
  }
  SECTION("limits no mapping meets") {
    SearchOptions o;
    o.limits.maxCycles = 5; // 24 MACs on 2 units need 12 cycles
    SearchResult r = f.run({}, o);
    CHECK(r.status == SearchStatus::NoValidMapping);
    CHECK(mentions(r.diagnosis, "need at least 12"));
    CHECK(mentions(r.diagnosis, "relax: dropping the limits"));
  }
  SECTION("for every searcher") {
    f.arch.levels[0].capacityWords = 20;
    for (Algorithm a : {Algorithm::Exhaustive, Algorithm::Random, Algorithm::Anneal}) {
      SearchOptions o;
      o.algorithm = a;
      o.maxEvaluations = 200;
      SearchResult r = f.run({}, o);
      CHECK(r.status == SearchStatus::NoValidMapping);
      CHECK(mentions(r.diagnosis, "holds every tensor whole"));
    }
  }
}

namespace {

/// The analytical model, except that from its `failAt`-th evaluation on the model itself fails
/// (as an exec: program that crashed does); `calls` counts evaluations over all instances.
class FailingModel : public cost::CostModel {
public:
  FailingModel(const cost::Problem &p, const cost::Arch &a, std::string name, int failAt,
               std::atomic<int> &calls)
      : inner(p, a), modelName(std::move(name)), failAt(failAt), calls(calls) {}
  std::string name() const override { return modelName; }
  void evaluate(const cost::Mapping &m, cost::CostReport &r) const override { inner.evaluate(m, r); }
  std::string evaluateOrError(const cost::Mapping &m, cost::CostReport &r) const override {
    ++calls;
    if (++mine < failAt) {
      inner.evaluate(m, r);
      return "";
    }
    r = cost::CostReport{};
    r.violations = {"model crashed"};
    return "model crashed on evaluation " + std::to_string(mine);
  }

private:
  cost::AnalyticalModel inner;
  std::string modelName;
  int failAt;
  std::atomic<int> &calls;
  mutable int mine = 0;
};

} // namespace

TEST_CASE("a cost model that fails stops the search with its message", "[search][errors]") {
  Fixture f;
  for (Algorithm a :
       {Algorithm::BranchAndBound, Algorithm::Exhaustive, Algorithm::Random, Algorithm::Anneal})
    for (int threads : {1, 2}) {
      CAPTURE(algorithmName(a), threads);
      std::atomic<int> calls{0};
      // bnb only accepts models with the analytical semantics, which this one has until it fails.
      std::string name = a == Algorithm::BranchAndBound ? "analytical" : "failing";
      cost::CostModelFactory factory = [&](const cost::Problem &p, const cost::Arch &ar) {
        return std::make_unique<FailingModel>(p, ar, name, 3, calls);
      };
      SearchOptions o;
      o.algorithm = a;
      o.threads = threads;
      o.maxEvaluations = 500;
      SearchResult r = search::search(f.problem, f.arch, {}, o, factory);
      CHECK(r.modelFailure == "model crashed on evaluation 3");
      CHECK(r.errors == std::vector<std::string>{r.modelFailure});
      CHECK_FALSE(r.found);
      CHECK(r.diagnosis.empty());
      // Each worker's model fails at its third evaluation and nothing is evaluated after it.
      CHECK(calls.load() <= 3 * threads);
    }
  SECTION("a model's verdict that a mapping is invalid is not a failure") {
    std::atomic<int> calls{0};
    cost::CostModelFactory factory = [&](const cost::Problem &p, const cost::Arch &ar) {
      return std::make_unique<FailingModel>(p, ar, "failing", 1 << 30, calls);
    };
    SearchOptions o;
    o.algorithm = Algorithm::Exhaustive;
    SearchResult r = search::search(f.problem, f.arch, {}, o, factory);
    CHECK(r.modelFailure.empty());
    CHECK(r.errors.empty());
    CHECK(r.found);
  }
}
