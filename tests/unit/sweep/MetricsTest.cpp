// Objectives and constraints: parsing with units and located errors, and their semantics.
#include "FakeEvaluator.h"

#include "tessel/Sweep/Metrics.h"

#include <catch2/catch.hpp>

using namespace tessel;
using namespace tessel::sweep;

namespace {
Record withTotals(double latency, double energy, double areaMm2, double power) {
  Record r;
  Totals t;
  t.latencyS = latency;
  t.energyJ = energy;
  t.areaMm2 = areaMm2;
  t.powerW = power;
  t.utilization = 0.6;
  t.cycles = 1000;
  r.totals = t;
  r.inferences = 4;
  return r;
}
} // namespace

TEST_CASE("objectives", "[sweep][metrics]") {
  auto o = parseObjectives("energy, latency ,area");
  REQUIRE(o);
  CHECK(*o == std::vector<Metric>{Metric::Energy, Metric::Latency, Metric::Area});
  o = parseObjectives("edp,power,energy_per_inference,cycles");
  REQUIRE(o);
  CHECK(o->size() == 4);

  struct Case {
    const char *arg;
    size_t column;
    const char *message;
    const char *hint;
  };
  const Case cases[] = {
      {"energy,latncy", 8, "unknown objective 'latncy'", "did you mean 'latency'?"},
      {"energy,,area", 8, "expected an objective name", nullptr},
      {"energy,energy", 8, "objective 'energy' is given twice", nullptr},
      {"utilization", 1, "utilization is not an objective to minimise",
       "bound it instead, e.g. --constraint 'utilization>=0.5'"},
      {"energy;latency", 7, "unexpected ';'", "separate objectives with ','"},
      {"", 1, "expected an objective name", nullptr},
  };
  for (const Case &c : cases) {
    INFO(c.arg);
    auto r = parseObjectives(c.arg);
    REQUIRE_FALSE(r);
    CHECK(r.error().option == "objectives");
    CHECK(r.error().column == c.column);
    CHECK(r.error().message == c.message);
    if (c.hint)
      CHECK(r.error().hint == c.hint);
  }
}

TEST_CASE("constraints with units", "[sweep][metrics]") {
  struct Ok {
    const char *arg;
    Metric metric;
    Constraint::Op op;
    double bound;
    const char *text;
  };
  const Ok ok[] = {
      {"area<=4mm2", Metric::Area, Constraint::Op::Le, 4e-6, "area<=4mm2"},
      {" power < 2 W ", Metric::Power, Constraint::Op::Lt, 2, "power<2W"},
      {"latency<=10ms", Metric::Latency, Constraint::Op::Le, 10e-3, "latency<=10ms"},
      {"energy<=3mJ", Metric::Energy, Constraint::Op::Le, 3e-3, "energy<=3mJ"},
      {"energy<=250uJ", Metric::Energy, Constraint::Op::Le, 250e-6, "energy<=250uJ"},
      {"energy_per_inference<=1J", Metric::EnergyPerInference, Constraint::Op::Le, 1, nullptr},
      {"utilization>=0.5", Metric::Utilization, Constraint::Op::Ge, 0.5, nullptr},
      {"cycles>1e6", Metric::Cycles, Constraint::Op::Gt, 1e6, nullptr},
      {"edp<=1e-6", Metric::Edp, Constraint::Op::Le, 1e-6, nullptr},
  };
  for (const Ok &c : ok) {
    INFO(c.arg);
    auto r = parseConstraint(c.arg);
    REQUIRE(r);
    CHECK(r->metric == c.metric);
    CHECK(r->op == c.op);
    CHECK(r->bound == Approx(c.bound).epsilon(1e-15));
    if (c.text)
      CHECK(r->text == c.text);
  }

  struct Bad {
    const char *arg;
    size_t column;
    const char *message;
    const char *hint;
  };
  const Bad bad[] = {
      {"aera<=4mm2", 1, "unknown metric 'aera'", "did you mean 'area'?"},
      {"area=4mm2", 5, "expected a comparison (<=, <, >=, >) after 'area'", nullptr},
      {"area<=4mm3", 8, "unknown unit 'mm3'", "did you mean 'mm2'?"},
      {"area<=4", 7, "area is an area; give the bound a unit", "e.g. um2, mm2"},
      {"area<=4W", 8, "this bound is a power, but area is an area", "use a unit such as um2, mm2"},
      {"latency<=10", 10, "latency is a time; give the bound a unit", "e.g. s, ms, us, ns"},
      {"utilization>=50%", 16, "unexpected '%' after the bound", nullptr},
      {"edp<=1mJ", 7, "this bound is an energy, but edp is a quantity in s*J",
       "give EDP as a plain number in J*s"},
      {"power<=", 8, "expected a number here", nullptr},
      {"<=4W", 1, "expected a metric name", nullptr},
  };
  for (const Bad &c : bad) {
    INFO(c.arg);
    auto r = parseConstraint(c.arg);
    REQUIRE_FALSE(r);
    CHECK(r.error().option == "constraint");
    CHECK(r.error().arg == c.arg);
    CHECK(r.error().column == c.column);
    CHECK(r.error().message == c.message);
    if (c.hint)
      CHECK(r.error().hint == c.hint);
  }
  ArgError e = parseConstraint("area<=4mm3").error();
  CHECK(formatArgError(e) == "tessel: error: --constraint 'area<=4mm3': column 8: unknown unit "
                             "'mm3'\n  area<=4mm3\n         ^\nhint: did you mean 'mm2'?\n");
}

TEST_CASE("metric values and constraint checks", "[sweep][metrics]") {
  Record r = withTotals(2e-3, 8e-3, 3.5, 4);
  CHECK(*metricValue(r, Metric::Latency) == 2e-3);
  CHECK(*metricValue(r, Metric::Area) == Approx(3.5e-6));
  CHECK(*metricValue(r, Metric::Edp) == 2e-3 * 8e-3);
  CHECK(*metricValue(r, Metric::EnergyPerInference) == 2e-3);
  CHECK(*metricValue(r, Metric::Cycles) == 1000);
  CHECK_FALSE(metricValue(Record{}, Metric::Energy));

  auto c = [](const char *s) { return *parseConstraint(s); };
  CHECK(satisfies(r, c("latency<=2ms")));
  CHECK_FALSE(satisfies(r, c("latency<2ms")));
  CHECK(satisfies(r, c("area<=4mm2")));
  CHECK_FALSE(satisfies(r, c("area<=3mm2")));
  CHECK(satisfies(r, c("utilization>=0.6")));
  CHECK_FALSE(satisfies(r, c("utilization>0.6")));
  CHECK_FALSE(satisfies(Record{}, c("power<=1W")));
  CHECK(violatedConstraints(r, {c("power<=2W"), c("area<=4mm2"), c("energy<=1mJ")}) ==
        std::vector<std::string>{"power<=2W", "energy<=1mJ"});

  CHECK(displayUnit(Metric::Latency, {2e-3, 5e-4}) == std::make_pair(std::string("ms"), 1e-3));
  CHECK(displayUnit(Metric::Energy, {3e-10}) == std::make_pair(std::string("pJ"), 1e-12));
  CHECK(displayUnit(Metric::Area, {3.5e-6}) == std::make_pair(std::string("mm2"), 1e-6));
}
