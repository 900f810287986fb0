// The HTML report: SHA-256 vectors, text escaping, number text, plot axes
// (linear and log), the sensitivity definition and the structure and
// determinism of the rendered page.
#include "FakeEvaluator.h"
#include "ReportHtml.h"

#include "tessel/Sweep/Report.h"
#include "tessel/Sweep/Sha256.h"

#include <catch2/catch.hpp>

#include <regex>

using namespace tessel::sweep;

namespace {

size_t count(const std::string &text, const std::string &needle) {
  size_t n = 0;
  for (size_t p = text.find(needle); p != std::string::npos; p = text.find(needle, p + 1))
    ++n;
  return n;
}

/// The 32 fake records (4 of them invalid: rows * cols > 200 for rows 16, cols
/// 14).
std::vector<Record> fakeRecords() {
  std::vector<Record> out;
  DesignSpace space = test::fakeSpace();
  for (uint64_t i = 0; i < space.cartesianSize(); ++i) {
    DesignPoint p = cartesianPoint(space, i);
    Record r = test::fakeEvaluate(p);
    r.point = p.index;
    r.params = p.params;
    r.key = p.key();
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<const Record *> pointers(const std::vector<Record> &records) {
  std::vector<const Record *> out;
  for (const Record &r : records)
    out.push_back(&r);
  return out;
}

} // namespace

TEST_CASE("sha256 matches the FIPS 180-2 test vectors", "[report]") {
  CHECK(sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256Hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  // 55 and 56 bytes: the length fits in the last block, or needs a second one.
  CHECK(sha256Hex(std::string(55, 'x')) != sha256Hex(std::string(56, 'x')));
}

TEST_CASE("report text is escaped and numbers are locale independent", "[report]") {
  CHECK(report::esc("<a href=\"x\">&'</a>") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
  CHECK(report::num(0.30000000000000004) == "0.3");
  CHECK(report::num(1.5e-5) == "1.5e-5");
  CHECK(report::num(2e8) == "2e8");
  CHECK(report::num(1234.5678) == "1235");
  CHECK(report::px(-0.001) == "0");
  CHECK(report::px(12.5) == "12.5");
  CHECK(shellQuote({"tessel", "sweep", "--constraint", "area<=4mm2", "it's"}) ==
        "tessel sweep --constraint 'area<=4mm2' 'it'\\''s'");
}

TEST_CASE("axes: nice linear ticks, log scale past two decades", "[report]") {
  report::Axis lin = report::metricAxis(Metric::Latency, {1.2e-3, 3.4e-3, 2.2e-3});
  CHECK(lin.label == "latency [ms]");
  CHECK_FALSE(lin.log);
  CHECK(lin.lo <= 1.2);
  CHECK(lin.hi >= 3.4);
  REQUIRE(lin.ticks.size() >= 3);
  for (double t : lin.ticks) {
    double step = lin.ticks[1] - lin.ticks[0];
    CHECK(std::fabs(t / step - std::round(t / step)) < 1e-9);
  }
  CHECK(lin.fraction(1.2e-3) >= 0);
  CHECK(lin.fraction(3.4e-3) <= 1);

  report::Axis log = report::metricAxis(Metric::Energy, {2e-9, 5e-7, 3e-6});
  CHECK(log.log);
  CHECK(log.label == "energy [uJ], log scale");
  CHECK(log.fraction(2e-9) > 0);
  CHECK(log.fraction(3e-6) < 1);
  // Labelled ticks at every decade inside the range (0.002 .. 3 uJ), and only
  // there.
  CHECK(log.ticks.size() == 3);
  for (double decade : {1e-2, 1e-1, 1.0})
    CHECK(std::count_if(log.ticks.begin(), log.ticks.end(),
                        [&](double t) { return std::fabs(t / decade - 1) < 1e-9; }) == 1);
  // Exactly 100x apart is not more than two decades.
  CHECK_FALSE(report::metricAxis(Metric::Area, {1, 100}).log);
  // Zero forbids a log scale.
  CHECK_FALSE(report::metricAxis(Metric::Power, {0, 1e-6, 1}).log);
}

TEST_CASE("sensitivity: spread of the group medians", "[report]") {
  std::vector<Record> records;
  auto add = [&](double rows, double cols, double energy) {
    Record r;
    r.params = {{"cols", cols}, {"rows", rows}};
    r.key = pointKey(r.params);
    Totals t;
    t.energyJ = energy;
    t.latencyS = 1;
    r.totals = t;
    records.push_back(r);
  };
  add(8, 1, 1), add(8, 2, 3), add(8, 3, 2);    // rows=8: median 2, min 1
  add(16, 1, 4), add(16, 2, 6), add(16, 3, 5); // rows=16: median 5, min 4
  std::vector<Sensitivity> s = computeSensitivity(pointers(records), {Metric::Energy});
  REQUIRE(s.size() == 2);
  CHECK(s[0].param == "cols"); // medians 2.5, 4.5, 3.5
  CHECK(s[0].spread == Approx(4.5 / 2.5 - 1));
  CHECK(s[1].param == "rows");
  REQUIRE(s[1].groups.size() == 2);
  CHECK(s[1].groups[0].value == 8);
  CHECK(s[1].groups[0].median == 2);
  CHECK(s[1].groups[0].min == 1);
  CHECK(s[1].groups[1].count == 3);
  CHECK(s[1].spread == Approx(1.5));
}

TEST_CASE("the report holds every plotted point, the front and the invalid points", "[report]") {
  std::vector<Record> records = fakeRecords();
  ReportOptions options;
  options.objectives = {Metric::Energy, Metric::Latency, Metric::Area};
  options.toolVersion = "tessel test";
  options.commandLine = "tessel sweep x.hw y.wl --report r.html";
  options.inputs = {reportInput("x.hw", "accelerator"), reportInput("y.wl", "workload")};
  auto page = renderReport(pointers(records), options);
  REQUIRE(page);
  const std::string &html = page->html;
  // 28 valid points in each of the 3 plots (one per pair of objectives).
  CHECK(count(html, "<svg class=\"plot\"") == 3);
  CHECK(count(html, "<circle class=\"pt") == 3 * 28);
  CHECK(count(html, "<title>") >= 3 * 28);
  // The 4 invalid points are listed with their reason.
  CHECK(count(html, "PEs exceed the fan-out limit") == 4);
  CHECK(html.find(sha256Hex("accelerator")) != std::string::npos);
  CHECK(html.find("tessel sweep x.hw y.wl --report r.html") != std::string::npos);
  // Self-contained: no external resources.
  CHECK(html.find(" src=") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find("url(") == std::string::npos);
  // Deterministic.
  CHECK(renderReport(pointers(records), options)->html == html);
}

TEST_CASE("report text from records is escaped", "[report]") {
  std::vector<Record> records = fakeRecords();
  for (Record &r : records)
    for (LayerResult &l : r.layers)
      l.name = "<script>alert('x')</script>";
  records[31].error = "bad <b>point</b> & more";
  ReportOptions options;
  options.commandLine = "tessel pareto '</pre><script>'";
  auto page = renderReport(pointers(records), options);
  REQUIRE(page);
  CHECK(page->html.find("<script>alert") == std::string::npos);
  CHECK(page->html.find("&lt;script&gt;alert(&#39;x&#39;)") != std::string::npos);
  CHECK(page->html.find("bad &lt;b&gt;point&lt;/b&gt; &amp; more") != std::string::npos);
  CHECK(page->html.find("</pre><script>") == std::string::npos);
  // Two <script> elements: the point data and the page's script.
  CHECK(count(page->html, "<script") == 2);
}

TEST_CASE("records without per-layer results make a report that says so", "[report]") {
  std::vector<Record> records = fakeRecords();
  for (Record &r : records)
    r.layers.clear();
  records[0].layers = fakeRecords()[0].layers; // one record kept its detail
  auto page = renderReport(pointers(records), ReportOptions{});
  REQUIRE(page);
  const std::string &html = page->html;
  // Plots, sensitivity and levels are all there; every front point lacking detail says so.
  CHECK(count(html, "<circle class=\"pt") == 28);
  CHECK(html.find("<code>rows</code>") != std::string::npos);
  CHECK(html.find("id=\"levels\"") != std::string::npos);
  size_t front = count(html, "<details class=\"point\"");
  REQUIRE(front > 0);
  size_t without = count(html, "notice nodetail");
  CHECK(without + (html.find(">conv1</text>") != std::string::npos) == front);
  REQUIRE(page->notes.size() == 1);
  CHECK(page->notes[0].find(std::to_string(without) + " of the " + std::to_string(front) +
                            " points of the Pareto front ha") == 0);
  CHECK(page->notes[0].find(" no per-layer results (records written without --detail)") !=
        std::string::npos);
  // Records with their detail give no note.
  std::vector<Record> full = fakeRecords();
  CHECK(renderReport(pointers(full), ReportOptions{})->notes.empty());
}

TEST_CASE("one objective is plotted against the point index", "[report]") {
  std::vector<Record> records = fakeRecords();
  ReportOptions options;
  options.objectives = {Metric::Latency};
  auto page = renderReport(pointers(records), options);
  REQUIRE(page);
  CHECK(count(page->html, "<svg class=\"plot\"") == 1);
  CHECK(count(page->html, "<circle class=\"pt") == 28);
  CHECK(page->html.find(">point</text>") != std::string::npos);
}

namespace {

/// A valid record whose totals are the weighted sums of `layers` (count x weight x figures).
Record weightedRecord(std::vector<LayerResult> layers) {
  Record r;
  r.params = {{"rows", 8}};
  r.key = pointKey(r.params);
  Totals t;
  for (const LayerResult &l : layers) {
    t.latencyS += l.count * l.weight * l.latencyS;
    t.energyJ += l.count * l.weight * l.energyJ;
  }
  t.energyByLevelJ = {{"DRAM", t.energyJ}};
  r.totals = t;
  r.layers = std::move(layers);
  return r;
}

LayerResult layer(const std::string &name, const std::string &workload, int64_t count,
                  double weight, double latency, double energy) {
  LayerResult l;
  l.name = name;
  l.workload = workload;
  l.count = count;
  l.weight = weight;
  l.latencyS = latency;
  l.energyJ = energy;
  l.energyByLevelJ = {{"DRAM", energy}};
  return l;
}

std::string layersOf(const std::vector<Record> &records, const ReportOptions &options) {
  report::Model m;
  m.options = &options;
  for (const Record &r : records)
    m.plotted.push_back(&r);
  m.records = m.plotted;
  m.front = {0};
  m.onFront = {true};
  m.levels = {"DRAM"};
  return report::layersSection(m);
}

} // namespace

TEST_CASE("layer bars count each layer as the totals do: count x workload and block weight",
          "[report]") {
  // --workload x/a.wl:0.7 --workload y/b.wl:0.3: conv of a runs twice, fc of b once.
  std::vector<Record> records = {weightedRecord(
      {layer("conv", "x/a.wl", 2, 0.7, 1e-3, 1e-6), layer("fc", "y/b.wl", 1, 0.3, 2e-3, 2e-6)})};
  REQUIRE(records[0].totals->latencyS == Approx(2e-3));
  ReportOptions options;
  std::string html = layersOf(records, options);
  using report::valueText;
  // 0.7 x 2 x 1 ms = 1.4 ms and 0.3 x 2 ms = 0.6 ms: 70 % and 30 % of the 2 ms total (unweighted
  // they were 2 ms each, 50 %).
  CHECK(html.find(">" + valueText(Metric::Latency, 1.4e-3) + " \u00b7 70 %<") != std::string::npos);
  CHECK(html.find(">" + valueText(Metric::Latency, 0.6e-3) + " \u00b7 30 %<") != std::string::npos);
  CHECK(html.find(">" + valueText(Metric::Energy, 1.4e-6) + " \u00b7 70 %<") != std::string::npos);
  CHECK(html.find(">" + valueText(Metric::Energy, 0.6e-6) + " \u00b7 30 %<") != std::string::npos);
  // Labelled by workload; they add up, so no notice.
  CHECK(html.find(">a: conv</text>") != std::string::npos);
  CHECK(html.find(">b: fc</text>") != std::string::npos);
  CHECK(html.find("workload: x/a.wl") != std::string::npos);
  CHECK(html.find("weight: 0.7 (counts 1.4 times in the totals)") != std::string::npos);
  CHECK(html.find("class=\"notice") == std::string::npos);

  // Two workloads with the same file name are told apart by their paths.
  std::vector<Record> same = {weightedRecord(
      {layer("conv", "x/a.wl", 1, 0.5, 1e-3, 1e-6), layer("conv", "y/a.wl", 1, 0.5, 1e-3, 1e-6)})};
  std::string twice = layersOf(same, options);
  CHECK(twice.find(">x/a.wl: conv</text>") != std::string::npos);
  CHECK(twice.find(">y/a.wl: conv</text>") != std::string::npos);

  // Layers that do not add up to the totals (an older record without weights) get a notice.
  std::vector<Record> old = records;
  for (LayerResult &l : old[0].layers)
    l.weight = 1;
  CHECK(layersOf(old, options).find("not to the point's totals") != std::string::npos);
}

TEST_CASE("layer weights round-trip through the record line", "[report]") {
  Record r = weightedRecord({layer("conv", "a.wl", 2, 0.7, 1e-3, 1e-6)});
  std::string line = recordToJsonLine(r);
  CHECK(line.find("\"workload\":\"a.wl\",\"count\":2,\"weight\":0.7") != std::string::npos);
  auto back = parseRecordLine(line);
  REQUIRE(back);
  CHECK(back->layers == r.layers);
  // Weight 1 and no workload are not written: unweighted records are as before.
  r.layers[0].weight = 1;
  r.layers[0].workload.clear();
  CHECK(recordToJsonLine(r).find("\"weight\"") == std::string::npos);
  CHECK(recordToJsonLine(r).find("\"workload\"") == std::string::npos);
}

TEST_CASE("the report renders every legitimate edge case", "[report]") {
  ReportOptions options;
  SECTION("every point invalid") {
    std::vector<Record> records = fakeRecords();
    for (Record &r : records)
      r.error = "no valid mapping (test)";
    auto page = renderReport(pointers(records), options);
    REQUIRE(page);
    CHECK(count(page->html, "<circle class=\"pt") == 0);
    CHECK(page->html.find("No valid point: the front is empty.") != std::string::npos);
    CHECK(count(page->html, "no valid mapping (test)") == 32);
    CHECK(page->notes.empty());
  }
  SECTION("a single point, and points equal but for the last bits") {
    std::vector<Record> records = {fakeRecords()[0]};
    Record twin = records[0];
    twin.point = 1;
    twin.totals->energyJ = std::nextafter(twin.totals->energyJ, 1.0);
    twin.totals->latencyS = std::nextafter(twin.totals->latencyS, 1.0);
    for (size_t n : {1, 2}) {
      if (n == 2)
        records.push_back(twin);
      for (std::vector<Metric> objectives :
           {std::vector<Metric>{Metric::Energy, Metric::Latency, Metric::Area}, {Metric::Area}}) {
        options.objectives = objectives;
        size_t plots = objectives.size() == 1 ? 1 : 3;
        auto page = renderReport(pointers(records), options);
        REQUIRE(page);
        CHECK(count(page->html, "<circle class=\"pt") == plots * n);
        for (const char *attr : {"cx=\"", "cy=\"", "x1=\"", "y1=\""})
          for (const char *bad : {"nan", "-nan", "inf", "-inf", "-\""})
            CHECK(page->html.find(std::string(attr) + bad) == std::string::npos);
      }
    }
  }
  SECTION("an objective that overflows or is not a number is not plotted") {
    std::vector<Record> records = fakeRecords();
    records[0].totals->energyJ = 1e200;
    records[0].totals->latencyS = 1e200; // EDP 1e400: infinite
    records[1].totals->energyJ = NAN;
    options.objectives = {Metric::Edp, Metric::Area};
    auto page = renderReport(pointers(records), options);
    REQUIRE(page);
    CHECK(count(page->html, "<circle class=\"pt") == 26);
    CHECK(page->html.find("its edp is not a finite number") != std::string::npos);
    for (const char *bad : {"\"nan", "nan\"", ">nan", ">-nan", "\"inf", ">inf", "e+308"})
      CHECK(page->html.find(bad) == std::string::npos);
  }
}

TEST_CASE("axes over the whole range of double stay finite", "[report]") {
  for (std::vector<double> values : {std::vector<double>{1e-300, 1e308}, {1, 1.7e308}}) {
    report::Axis a = report::makeAxis("x", "", 1, values);
    CHECK(a.log);
    CHECK(std::isfinite(a.lo));
    CHECK(std::isfinite(a.hi));
    CHECK(a.lo > 0);
    for (double v : values)
      CHECK((a.fraction(v) >= 0 && a.fraction(v) <= 1));
    for (double t : a.ticks)
      CHECK(std::isfinite(t));
    for (double t : a.minor)
      CHECK(std::isfinite(t));
  }
}

TEST_CASE("axes of constant values: a few ticks around the value", "[report]") {
  for (double v : {0.0, 1.0, 3e-9, 1e20}) {
    report::Axis a = report::makeAxis("x", "", 1, {v, std::nextafter(v, 1e300)});
    CHECK(a.lo <= v);
    CHECK(a.hi >= v);
    CHECK(a.hi > a.lo);
    CHECK(a.ticks.size() >= 2);
    CHECK(a.ticks.size() <= 21);
    CHECK(std::isfinite(a.fraction(v)));
  }
}
