// Unit tests of roofline placement: machines from .hw files, ridge points, bottlenecks per
// level (kept roles), time shares, LLM prefill vs decode and DLRM on the H100 spec, the plot.
#include "CheckText.h"

#include "tessel/Analysis/Roofline.h"

#include <regex>

using namespace tessel;
using analysis::Role;
using testing::checkWl;

namespace {

/// 1000 MAC/s peak; DRAM 10 B/s keeping everything; a buffer of 100 B/s keeping inputs.
analysis::Machine toyMachine() {
  analysis::Machine m;
  m.name = "toy";
  m.peakMacsPerSecond = 1000;
  analysis::MemoryRoof dram{"DRAM", 10, {true, true, true}};
  analysis::MemoryRoof buf{"BUF", 100, {true, false, false}};
  analysis::MemoryRoof rf{"RF", 0, {true, true, true}}; // unbounded
  m.levels = {dram, buf, rf};
  return m;
}

analysis::OpProfile toyOp(int64_t macs, int64_t in, int64_t w, int64_t out) {
  analysis::OpProfile o;
  o.name = "op";
  o.kind = "matmul";
  o.macs = macs;
  o.tensors = {{"i", Role::Input, in}, {"w", Role::Weight, w}, {"o", Role::Output, out}};
  return o;
}

} // namespace

TEST_CASE("placement: compute vs each level's bandwidth, ridge points", "[roofline]") {
  analysis::Machine m = toyMachine();
  CHECK(m.ridge(0) == 100);
  CHECK(m.ridge(1) == 10);
  CHECK(m.ridge(2) == 0);
  // 10,000 MACs on 50 B: intensity 200 >= every ridge, compute-bound (10 s).
  analysis::Placement p = analysis::place(toyOp(10000, 20, 20, 10), m);
  CHECK(p.computeSeconds == 10);
  CHECK(p.levels[0].bytes == 50);
  CHECK(p.levels[0].seconds == 5);
  CHECK_FALSE(p.levels[0].memoryBound);
  CHECK(p.levels[1].bytes == 20); // BUF keeps only the input
  CHECK(p.levels[1].intensity == 500);
  CHECK(p.levels[2].seconds == 0);
  CHECK(p.bottleneck == -1);
  CHECK(analysis::bottleneckName(p, m) == "compute");
  CHECK(p.attainableMacsPerSecond == 1000);
  // 1,000 MACs on 100 B: DRAM-bound (10 s > 1 s), intensity 10 < ridge 100.
  p = analysis::place(toyOp(1000, 60, 30, 10), m);
  CHECK(p.bottleneck == 0);
  CHECK(p.seconds == 10);
  CHECK(p.levels[0].memoryBound);
  CHECK_FALSE(p.levels[1].memoryBound); // 1000 / 60 = 16.7 >= 10
  CHECK(p.attainableMacsPerSecond == 100);
  // No MACs: time is the traffic alone.
  p = analysis::place(toyOp(0, 5, 0, 5), m);
  CHECK(p.computeSeconds == 0);
  CHECK(p.seconds == 1);
  CHECK(p.attainableMacsPerSecond == 0);
}

TEST_CASE("time by bottleneck sums weighted op times", "[roofline]") {
  analysis::Machine m = toyMachine();
  analysis::WorkloadProfile w;
  w.ops = {toyOp(10000, 20, 20, 10), toyOp(1000, 60, 30, 10)};
  w.ops[1].count = 3;
  w.ops[1].weight = 0.5;
  std::vector<analysis::TimeShare> s = analysis::timeByBottleneck({w}, m);
  REQUIRE(s.size() == 4);
  CHECK(s[0].bottleneck == "compute");
  CHECK(s[0].seconds == 10);
  CHECK(s[1].bottleneck == "DRAM");
  CHECK(s[1].seconds == 15); // 10 s x 3 x 0.5
  CHECK(s[1].ops == 1);
  CHECK(s[2].seconds == 0);
}

TEST_CASE("machines from .hw: peak MAC/s and aggregate bandwidth", "[roofline]") {
  analysis::Machine h100 =
      analysis::machineFromHw(testing::checkHwPath("hwspecs/h100.hw", "h100"));
  CHECK(h100.peakMacsPerSecond == Approx(132.0 * 4 * 512 * 1.83e9));
  REQUIRE(h100.levels.size() == 4);
  CHECK(h100.levels[0].level == "HBM");
  CHECK(h100.levels[0].bytesPerSecond == Approx(3.35e12));
  CHECK(h100.ridge(0) == Approx(132.0 * 4 * 512 * 1.83e9 / 3.35e12));
  CHECK(h100.levels[1].bytesPerSecond == 0); // L2 has no bandwidth in the spec
  CHECK_FALSE(h100.levels[3].keeps[static_cast<int>(Role::Weight)]); // RF keeps input, output
  analysis::Machine eyeriss =
      analysis::machineFromHw(testing::checkHwPath("hwspecs/eyeriss.hw", "eyeriss"));
  CHECK(eyeriss.peakMacsPerSecond == Approx(168 * 200e6));
}

TEST_CASE("LLM decode is bandwidth-bound and prefill compute-bound on an H100",
          "[roofline][examples]") {
  analysis::Machine h100 =
      analysis::machineFromHw(testing::checkHwPath("hwspecs/h100.hw", "h100"));
  auto bound = [&](const std::string &file, const std::string &name) {
    analysis::WorkloadProfile w =
        analysis::profileWorkload(testing::checkWlPath(file).at(0));
    for (const analysis::OpProfile &o : w.ops)
      if (o.name == name)
        return analysis::bottleneckName(analysis::place(o, h100), h100);
    return std::string("missing");
  };
  for (const char *op : {"q_proj", "gate_proj", "down_proj", "attn", "lm_head"})
    CHECK(bound("examples/llama2_7b_decode.wl", op) == "HBM");
  for (const char *op : {"q_proj", "gate_proj", "down_proj", "attn"})
    CHECK(bound("examples/llama2_7b_prefill.wl", op) == "compute");
  CHECK(bound("examples/dlrm.wl", "emb") == "HBM");
  // Decode at B = 1 reads each fp16 weight once per MAC pair: intensity 1/2 MAC/B.
  analysis::WorkloadProfile decode =
      analysis::profileWorkload(testing::checkWlPath("examples/llama2_7b_decode.wl").at(0));
  for (const analysis::OpProfile &o : decode.ops)
    if (o.name == "gate_proj")
      CHECK(o.intensity() == Approx(0.5).epsilon(0.01));
}

TEST_CASE("the roofline plot draws one point per op with MACs and one roof per level",
          "[roofline][plot]") {
  analysis::WorkloadProfile w = analysis::profileWorkload(checkWl(R"(workload w {
  tensor x[64, 64] fp16;
  a = matmul(x, out=64);
  b = relu(a);
  c = matmul(b, out=8);
})"));
  std::string svg = analysis::rooflineSvg({w}, toyMachine());
  CHECK(svg.rfind("<svg", 0) == 0);
  CHECK(svg.find("</svg>") != std::string::npos);
  auto count = [&](const std::string &re) {
    std::regex r(re);
    return std::distance(std::sregex_iterator(svg.begin(), svg.end(), r),
                         std::sregex_iterator());
  };
  CHECK(count("<title>[a-z]+ \\(matmul\\)") == 2);
  CHECK(count("ridge") == 2); // DRAM and BUF; RF is unbounded
  CHECK(svg.find("1 ops without MACs not shown") != std::string::npos);
}
