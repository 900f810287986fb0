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

TEST_CASE("the report needs the front's per-layer results", "[report]") {
  std::vector<Record> records = fakeRecords();
  for (Record &r : records)
    r.layers.clear();
  auto page = renderReport(pointers(records), ReportOptions{});
  REQUIRE_FALSE(page);
  CHECK(page.error().find("has no per-layer results") != std::string::npos);
  CHECK(page.error().find("--detail") != std::string::npos);
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
