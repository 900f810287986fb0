// Pareto fronts against the O(n^2) definition; tables and CSV of records.
#include "tessel/Sweep/Pareto.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <sstream>

using namespace tessel::sweep;

namespace {
/// The definition: rows no other row dominates, in lexicographic order of the vectors.
std::vector<size_t> bruteForceFront(const std::vector<std::vector<double>> &rows) {
  std::vector<size_t> front;
  for (size_t i = 0; i < rows.size(); ++i) {
    bool dominated = false;
    for (size_t j = 0; j < rows.size() && !dominated; ++j) {
      bool noWorse = true, better = false;
      for (size_t k = 0; k < rows[i].size(); ++k) {
        noWorse &= rows[j][k] <= rows[i][k];
        better |= rows[j][k] < rows[i][k];
      }
      dominated = noWorse && better;
    }
    if (!dominated)
      front.push_back(i);
  }
  std::stable_sort(front.begin(), front.end(),
                   [&](size_t a, size_t b) { return rows[a] < rows[b]; });
  return front;
}

Record record(uint64_t point, double latency, double energy, double area) {
  Record r;
  r.point = point;
  r.params = {{"rows", static_cast<double>(point)}};
  r.key = pointKey(r.params);
  Totals t;
  t.latencyS = latency;
  t.energyJ = energy;
  t.areaMm2 = area;
  t.powerW = energy / latency;
  r.totals = t;
  return r;
}
} // namespace

TEST_CASE("the front equals the brute-force definition on random inputs", "[sweep][pareto]") {
  std::mt19937_64 rng(5);
  for (int trial = 0; trial < 400; ++trial) {
    size_t n = rng() % 60, d = 1 + rng() % 4;
    // Few distinct values, so that ties and duplicate vectors are common.
    int levels = trial % 2 ? 4 : 1000;
    std::vector<std::vector<double>> rows(n, std::vector<double>(d));
    for (auto &row : rows)
      for (double &v : row)
        v = static_cast<double>(rng() % levels) * 0.1;
    INFO("trial " << trial << ", n " << n << ", d " << d);
    CHECK(paretoFront(rows) == bruteForceFront(rows));
  }
}

TEST_CASE("front edge cases", "[sweep][pareto]") {
  CHECK(paretoFront({}).empty());
  CHECK(paretoFront({{1, 2}}) == std::vector<size_t>{0});
  // Equal vectors are all kept, in input order; a strictly better row removes them.
  CHECK(paretoFront({{1, 1}, {1, 1}, {2, 0}}) == std::vector<size_t>{0, 1, 2});
  CHECK(paretoFront({{1, 1}, {1, 1}, {1, 0.5}}) == std::vector<size_t>{2});
  // Exact comparison: no tolerance.
  CHECK(paretoFront({{1.0, 1.0}, {1.0, 1.0 + 1e-15}}) == std::vector<size_t>{0});
}

TEST_CASE("the Pareto table and CSV", "[sweep][pareto]") {
  std::vector<Record> recs = {record(0, 2e-3, 5e-3, 3.5), record(1, 1.5e-3, 6e-3, 4.5),
                              record(2, 2.1e-3, 6.5e-3, 5.5)};
  Record bad;
  bad.point = 3;
  bad.params = {{"rows", 3}};
  bad.key = "rows=3";
  bad.error = "no valid mapping, \"fc\"";
  recs.push_back(bad);
  std::vector<const Record *> ptrs;
  for (const Record &r : recs)
    ptrs.push_back(&r);

  std::ostringstream out;
  ParetoOptions opts;
  REQUIRE(printPareto(ptrs, opts, out));
  CHECK(out.str() == "Pareto front over energy, latency: 2 of 3 valid points (4 records)\n"
                     "point  rows  energy [mJ]  latency [ms]  area [mm2]  power [W]\n"
                     "    0     0            5             2         3.5        2.5\n"
                     "    1     1            6           1.5         4.5          4\n");

  opts.objectives = {Metric::Latency};
  opts.constraints = {*parseConstraint("area<=4mm2")};
  opts.all = true;
  out.str("");
  REQUIRE(printPareto(ptrs, opts, out));
  CHECK(out.str() ==
        "Pareto front over latency: 1 of 1 valid points meeting the constraints (4 records)\n"
        "front  point  rows  latency [ms]  energy [mJ]  area [mm2]  power [W]  status\n"
        "    *      0     0             2            5         3.5        2.5  valid\n"
        "           1     1           1.5            6         4.5          4  valid\n"
        "           2     2           2.1          6.5         5.5      3.095  valid\n"
        "           3     3             -            -           -          -  invalid: no "
        "valid mapping, \"fc\"\n");

  std::vector<TableRow> rows = {{&recs[0], true}, {&recs[3], false}};
  std::ostringstream csv;
  writeCsv(csv, rows, true);
  CHECK(csv.str() == "point,key,rows,status,reason,latency_s,energy_j,area_mm2,power_w,edp_js,"
                     "energy_per_inference_j,cycles,utilization,on_front\n"
                     "0,rows=0,0,valid,,0.002,0.005,3.5,2.5,1e-05,0.005,0,0,1\n"
                     "3,rows=3,3,invalid,\"no valid mapping, \"\"fc\"\"\",,,,,,,,,0\n");
}
