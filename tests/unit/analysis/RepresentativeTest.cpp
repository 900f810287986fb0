// Unit tests of representative extraction: every shipped operator restates exactly as a
// standalone weighted statement, medoids partition the work, fitted totals match.
#include "CheckText.h"

#include "tessel/Analysis/Representative.h"

using namespace tessel;

namespace {

/// Restates every op of `m` with weight 1 (the writer verifies each against the original).
void restateAll(const dsl::WlModel &m) {
  std::vector<std::pair<size_t, double>> all;
  for (size_t i = 0; i < m.ops.size(); ++i)
    all.emplace_back(i, 1.0);
  std::string error;
  std::optional<std::string> text = analysis::writeWeightedOps(m, all, "copy", "", error);
  INFO(m.name << ": " << error);
  REQUIRE(text);
  CHECK(error.empty());
}

} // namespace

TEST_CASE("every operator of the shipped workloads restates exactly", "[representative]") {
  for (const char *file :
       {"examples/alexnet.wl", "examples/bert_base.wl", "examples/dlrm.wl",
        "examples/llama2_7b_decode.wl", "examples/llama2_7b_prefill.wl",
        "examples/mobilenet_v2.wl", "examples/resnet50.wl", "examples/vgg16.wl",
        "examples/vit_b16.wl", "tests/lit/Import/Inputs/all-ops.wl",
        "tests/lit/Import/Inputs/small-hand.wl"})
    for (const dsl::WlModel &m : testing::checkWlPath(file))
      restateAll(m);
}

TEST_CASE("a generic einsum with padding offsets restates with its affine indices",
          "[representative]") {
  dsl::WlModel m = testing::checkWl(R"(workload w {
  tensor I[1, 3, 8, 8] int8;
  tensor W[4, 3, 3, 3] int8;
  conv: O[n, k, p, q] += I[n, c, 2*p + r - 1, 2*q + s - 1] * W[k, c, r, s]
      for n < 1, k < 4, c < 3, p < 4, q < 4, r < 3, s < 3;
  sum: T[k] += O[n, k, p, q] for n < 1, k < 4, p < 4, q < 4;
})");
  std::string error;
  std::optional<std::string> text =
      analysis::writeWeightedOps(m, {{0, 2.5}, {1, 1}}, "r", "// header\n", error);
  INFO(error);
  REQUIRE(text);
  CHECK(text->find("// header\nworkload r {\n  weight 2.5 {\n") == 0);
  CHECK(text->find("conv: conv_out[n, k, p, q] += conv_in0[n, c, 2*p + r - 1, 2*q + s - 1] * "
                   "conv_in1[k, c, r, s] for n < 1, k < 4, c < 3, p < 4, q < 4, r < 3, s < 3;") !=
        std::string::npos);
  dsl::WlModel back = testing::checkWl(*text);
  CHECK(back.ops[0].weight == 2.5);
  CHECK(back.ops[0].macs == 4 * 3 * 16 * 9);
}

TEST_CASE("k-medoids partition the ops with work; fitted totals match", "[representative]") {
  analysis::Machine eyeriss =
      analysis::machineFromHw(testing::checkHwPath("hwspecs/eyeriss.hw", "eyeriss"));
  dsl::WlModel resnet = testing::checkWlPath("examples/resnet50.wl").at(0);
  analysis::WorkloadProfile w = analysis::profileWorkload(resnet);
  analysis::Representatives r = analysis::pickRepresentatives(w, 6, &eyeriss);
  REQUIRE(r.clusters.size() == 6);
  size_t members = 0;
  for (const analysis::Cluster &c : r.clusters) {
    CHECK(c.weight > 0);
    CHECK(std::find(c.members.begin(), c.members.end(), c.medoid) != c.members.end());
    members += c.members.size();
  }
  CHECK(members + r.skipped == w.ops.size());
  int fitted = 0;
  for (const analysis::Comparison &c : r.comparisons)
    if (c.fitted) {
      ++fitted;
      INFO(c.metric);
      CHECK(std::fabs(c.error()) < 1e-9);
    }
  CHECK(fitted == 3); // MACs, bytes, time
  // The result does not depend on anything but the inputs.
  analysis::Representatives again = analysis::pickRepresentatives(w, 6, &eyeriss);
  for (size_t i = 0; i < r.clusters.size(); ++i) {
    CHECK(again.clusters[i].medoid == r.clusters[i].medoid);
    CHECK(again.clusters[i].weight == r.clusters[i].weight);
  }
  // The reduced set writes, checks and keeps the weights.
  std::vector<std::pair<size_t, double>> ops;
  for (const analysis::Cluster &c : r.clusters)
    ops.emplace_back(c.medoid, c.weight);
  std::string error;
  std::optional<std::string> text = analysis::writeWeightedOps(resnet, ops, "rep", "", error);
  INFO(error);
  REQUIRE(text);
  analysis::WorkloadProfile back = analysis::profileWorkload(testing::checkWl(*text));
  CHECK(back.macs() == Approx(w.macs()).epsilon(1e-9));
  CHECK(back.bytes() == Approx(w.bytes()).epsilon(1e-9));
}

TEST_CASE("with k at least the number of ops, every op is its own medoid", "[representative]") {
  analysis::WorkloadProfile w = analysis::profileWorkload(testing::checkWl(R"(workload w {
  tensor x[8, 64] fp16;
  repeat 3 { a = matmul(x, out=64); }
  b = relu(x);
  c = reshape(x, shape=[64, 8]);
})"));
  analysis::Representatives r = analysis::pickRepresentatives(w, 10);
  CHECK(r.skipped == 1); // the reshape moves nothing
  REQUIRE(r.clusters.size() == 2);
  CHECK(r.clusters[0].medoid == 0);
  CHECK(r.clusters[0].weight == Approx(3));
  CHECK(r.clusters[1].weight == Approx(1));
  for (const analysis::Comparison &c : r.comparisons)
    CHECK(std::fabs(c.error()) < 1e-9);
}
