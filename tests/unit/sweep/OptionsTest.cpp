// `tessel sweep` options and the point plan they select (Eyeriss params).
#include "tessel/Sweep/Options.h"
#include "tessel/dsl/Check.h"

#include <catch2/catch.hpp>

using namespace tessel;
using namespace tessel::sweep;

namespace {
Result<SweepOptions, ArgError> parse(std::vector<std::string> positional, ArgValues values,
                                     bool tty = false) {
  return parseSweepOptions(positional, values, tty);
}
} // namespace

TEST_CASE("sweep options", "[sweep][options]") {
  auto o = parse({"eyeriss.hw", "resnet50.wl"},
                 {{"o", {"r.jsonl"}},
                  {"resume", {""}},
                  {"threads", {"3"}},
                  {"param", {"rows=8,12", "glb=64KiB..128KiB:64KiB"}},
                  {"constraint", {"area<=4mm2"}},
                  {"objectives", {"energy,latency,area"}},
                  {"workload", {"bert.wl:0.25"}},
                  {"accelerator", {"eyeriss"}},
                  {"verbose", {""}}},
                 true);
  REQUIRE(o);
  CHECK(o->arch == "eyeriss.hw");
  CHECK(o->accelerator == std::optional<std::string>("eyeriss"));
  REQUIRE(o->workloads.size() == 2);
  CHECK(o->workloads[0].path == "resnet50.wl");
  CHECK(o->workloads[1].path == "bert.wl");
  CHECK(o->workloads[1].weight == 0.25);
  CHECK(o->run.output == "r.jsonl");
  CHECK(o->run.resume);
  CHECK(o->run.threads == 3);
  CHECK(o->run.verbosity == Verbosity::Verbose);
  CHECK(o->run.progress);
  CHECK(o->params.size() == 2);
  CHECK(o->run.constraints.size() == 1);
  CHECK(o->run.objectives.size() == 3);
  CHECK(o->pareto.objectives == o->run.objectives);

  o = parse({"a.hw", "m.wl"}, {{"quiet", {""}}}, true);
  REQUIRE(o);
  CHECK_FALSE(o->run.progress);
  CHECK(o->run.output == "-");
  CHECK(o->run.threads >= 1);
  CHECK_FALSE(o->accelerator); // the .hw's only accelerator, chosen when the files are loaded
  o = parse({"a.hw", "m.wl"}, {}, false);
  REQUIRE(o);
  CHECK_FALSE(o->run.progress); // not a terminal: silent

  struct Bad {
    std::vector<std::string> positional;
    ArgValues values;
    const char *message;
  };
  const Bad bad[] = {
      {{"m.wl"}, {}, "no .hw file given"},
      {{"a.hw"}, {}, "no workload given"},
      {{"a.hw", "b.hw", "m.wl"}, {}, "a sweep takes one .hw file (already given: a.hw)"},
      {{"a.hw", "m.txt"}, {}, "expected a .hw or .wl file"},
      {{"a.hw", "m.wl"}, {{"threads", {"0"}}}, "expected a positive integer"},
      {{"a.hw", "m.wl"}, {{"sample", {"ten"}}}, "expected a positive integer"},
      {{"a.hw", "m.wl"}, {{"seed", {"3"}}}, "--seed and --sample-method need --sample N"},
      {{"a.hw", "m.wl"},
       {{"sample", {"4"}}, {"sample-method", {"sobol"}}},
       "unknown sampling method"},
      {{"a.hw", "m.wl"},
       {{"resume", {""}}, {"overwrite", {""}}},
       "--resume and --overwrite exclude each other"},
      {{"a.hw", "m.wl"},
       {{"quiet", {""}}, {"verbose", {""}}},
       "--quiet and --verbose exclude each other"},
      {{"a.hw"}, {{"workload", {"m.wl:-1"}}}, "expected a positive weight after ':'"},
      {{"a.hw", "m.wl"}, {{"shard", {"5/4"}}}, "shard 5 is not between 1 and 4"},
      {{"a.hw", "m.wl"}, {{"constraint", {"area<4"}}}, "area is an area; give the bound a unit"},
  };
  for (const Bad &b : bad) {
    INFO(b.message);
    auto r = parse(b.positional, b.values);
    REQUIRE_FALSE(r);
    CHECK(r.error().message == b.message);
  }
}

TEST_CASE("the point plan: product, overrides, samples, shards", "[sweep][options]") {
  dsl::SourceManager sm;
  dsl::DiagnosticEngine diags;
  auto hw = dsl::checkHwFile(TESSEL_SOURCE_DIR "/hwspecs/eyeriss.hw", sm, diags);
  REQUIRE_FALSE(diags.hasErrors());
  std::vector<dsl::ParamInfo> params = hw[0].params;

  auto plan = [&](ArgValues values) {
    auto o = parse({"eyeriss.hw", "resnet50.wl"}, values);
    REQUIRE(o);
    return planPoints(*o, params, &sm);
  };
  auto all = plan({});
  REQUIRE(all);
  CHECK(all->size() == 45);
  auto one = plan({{"param", {"rows=8"}}});
  REQUIRE(one);
  CHECK(one->size() == 15);
  auto sample = plan({{"sample", {"10"}}, {"seed", {"4"}}});
  REQUIRE(sample);
  CHECK(sample->size() == 10);
  auto shard = plan({{"shard", {"2/3"}}});
  REQUIRE(shard);
  CHECK(shard->size() == 15);
  CHECK((*shard)[0].index == 1);
  auto cont = plan({{"param", {"glb=64KiB..256KiB"}}});
  REQUIRE_FALSE(cont);
  CHECK(cont.error().message.find("continuous range") != std::string::npos);
  auto sampledCont = plan({{"param", {"glb=64KiB..256KiB"}}, {"sample", {"7"}}});
  REQUIRE(sampledCont);
  CHECK(sampledCont->size() == 7);
  auto unknown = plan({{"param", {"pe_rows=8"}}});
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().message == "unknown param 'pe_rows'");
}
