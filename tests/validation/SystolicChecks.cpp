// The systolic cost model (`--cost-model systolic(ws|os|is)` on hwspecs/tpu_v1.hw with the array
// size as params) against SCALE-Sim v2's first-order closed forms, written out below from
// refdata 5.2 (read from scalesim/compute/systolic_compute_{ws,os,is}.py @22f88b1), never
// from tessel's implementation.
#include "Checks.h"

#include "tessel/cost/Systolic.h"

#include <cstdio>

namespace tessel::validation {

namespace {

const char *kGroup = "Systolic model vs SCALE-Sim v2 first-order forms (refdata 5.2)";

struct Layer {
  const char *label, *file, *workload, *layer;
  /// The einsum's dims and bounds (`tessel compile --emit=einsum`), for a trivial mapping.
  std::vector<std::pair<const char *, int64_t>> dims;
  const char *ifmap, *filter, *ofmap;
  /// SCALE-Sim's operand-matrix view (batch folded into pixels): pixels = N P Q (ofmap
  /// pixels), filters = K (per group), window = R S C (per group); groups repeat the GEMM.
  int64_t pixels, filters, window, groups;
};

const Layer kLayers[] = {
    // ResNet-50 conv1 (refdata 1.1): K64 C3 R=S=7 P=Q=112: 12,544 pixels, 147-tap window.
    {"ResNet-50 conv1", "examples/resnet50.wl", "", "conv1",
     {{"N", 1}, {"K", 64}, {"C", 3}, {"P", 112}, {"Q", 112}, {"R", 7}, {"S", 7}}, "image",
     "conv1.weight", "conv1", 112 * 112, 64, 7 * 7 * 3, 1},
    // AlexNet conv2 (refdata 1.2a): G2, per group K128 C48 R=S=5, P=Q=27.
    {"AlexNet conv2 (G=2)", "examples/alexnet.wl", "alexnet", "conv2",
     {{"G", 2}, {"N", 1}, {"K", 128}, {"C", 48}, {"P", 27}, {"Q", 27}, {"R", 5}, {"S", 5}},
     "pool1", "conv2.weight", "conv2", 27 * 27, 128, 5 * 5 * 48, 2},
    // Inputs/tpu_fc.wl at B=200: Y[200,2048] = X[200,2048] W[2048,2048]; 200 pixels leave a
    // partial fold on every array.
    {"FC B=200 K=N=2048", "tests/validation/Inputs/tpu_fc.wl", "", "fc",
     {{"M", 200}, {"N", 2048}, {"K", 2048}}, "x", "fc.weight", "fc", 200, 2048, 2048, 1},
};

struct Array {
  cost::SystolicDataflow flow;
  int64_t rows, cols;
};

const Array kArrays[] = {
    {cost::SystolicDataflow::WeightStationary, 256, 256},
    {cost::SystolicDataflow::WeightStationary, 128, 128},
    {cost::SystolicDataflow::WeightStationary, 512, 512},
    {cost::SystolicDataflow::OutputStationary, 128, 64},
    {cost::SystolicDataflow::InputStationary, 64, 256},
};

int64_t ceilDiv(int64_t a, int64_t b) { return (a + b - 1) / b; }

/// SCALE-Sim's figures for one layer on one array, derived from refdata 5.2:
///   operand matrices  OS: S_R = pixels, S_C = filters, T = window
///                     WS: S_R = window, S_C = filters, T = pixels
///                     IS: S_R = window, S_C = pixels,  T = filters
///   folds F_r = ceil(S_R / R_a), F_c = ceil(S_C / C_a); lines per fold L = 2 R_a + C_a + T - 2
///   (WS, IS: R_a lines load the stationary operand) or R_a + C_a + T - 2 (OS); cycles =
///   groups F_r F_c L - 1; mapping efficiency = S_R S_C / (F_r F_c R_a C_a) (the mean over folds
///   of used PEs); compute utilisation = efficiency x T / L' with L' = 2 R_a + 2 C_a + T - 3
///   (WS, IS) or L (OS); SRAM traffic WS: ifmap T S_R F_c, filter S_R S_C, ofmap T S_C F_r;
///   OS: ifmap S_R T F_c, filter T S_C F_r, ofmap S_R S_C + F_r F_c (R_a + C_a) (SCALE-Sim's
///   code adds R_a + C_a per fold); IS: ifmap S_R S_C, filter T S_R F_c, ofmap T S_C F_r; all
///   times groups.
struct Expected {
  double cycles, utilization, ifmapReads, filterReads, ofmapWrites;
};

Expected scaleSim(const Layer &l, const Array &a) {
  int64_t sr = 0, sc = 0, t = 0;
  bool os = a.flow == cost::SystolicDataflow::OutputStationary;
  switch (a.flow) {
  case cost::SystolicDataflow::OutputStationary:
    sr = l.pixels, sc = l.filters, t = l.window;
    break;
  case cost::SystolicDataflow::WeightStationary:
    sr = l.window, sc = l.filters, t = l.pixels;
    break;
  case cost::SystolicDataflow::InputStationary:
    sr = l.window, sc = l.pixels, t = l.filters;
    break;
  }
  int64_t fr = ceilDiv(sr, a.rows), fc = ceilDiv(sc, a.cols), g = l.groups;
  int64_t lines = os ? a.rows + a.cols + t - 2 : 2 * a.rows + a.cols + t - 2;
  int64_t utilLines = os ? lines : 2 * a.rows + 2 * a.cols + t - 3;
  double efficiency = double(sr) * double(sc) / (double(fr * fc) * double(a.rows * a.cols));
  Expected e;
  e.cycles = double(g * fr * fc * lines - 1);
  e.utilization = efficiency * double(t) / double(utilLines);
  switch (a.flow) {
  case cost::SystolicDataflow::WeightStationary:
    e.ifmapReads = double(g * t * sr * fc), e.filterReads = double(g * sr * sc),
    e.ofmapWrites = double(g * t * sc * fr);
    break;
  case cost::SystolicDataflow::OutputStationary:
    e.ifmapReads = double(g * sr * t * fc), e.filterReads = double(g * t * sc * fr),
    e.ofmapWrites = double(g * (sr * sc + fr * fc * (a.rows + a.cols)));
    break;
  case cost::SystolicDataflow::InputStationary:
    e.ifmapReads = double(g * sr * sc), e.filterReads = double(g * t * sr * fc),
    e.ofmapWrites = double(g * t * sc * fr);
    break;
  }
  return e;
}

/// Every dim's whole bound as one temporal loop at DRAM: a valid mapping (the systolic model
/// schedules by its dataflow and ignores the mapping).
json trivialMapping(const Layer &l) {
  json loops = json::array();
  for (const auto &[dim, bound] : l.dims)
    loops.push_back({{"dim", dim}, {"factor", bound}});
  return {{"version", 1}, {"levels", {{{"name", "DRAM"}, {"temporal", loops}}}}};
}

void addCase(const TesselRun &tessel, const Layer &l, const Array &a,
             const std::string &mapping, std::vector<Check> &checks) {
  std::string model = std::string("systolic(") + cost::dataflowName(a.flow) + ")";
  std::string prefix = std::string(l.label) + ", " + cost::dataflowName(a.flow) + " " +
                       std::to_string(a.rows) + "x" + std::to_string(a.cols) + ": ";
  Expected e = scaleSim(l, a);
  std::vector<std::string> args = {"eval",      tessel.path("hwspecs/tpu_v1.hw"),
                                   tessel.path(l.file),
                                   "--layer",   l.layer,
                                   "--mapping", mapping,
                                   "--cost-model", model,
                                   "--param",   "rows=" + std::to_string(a.rows),
                                   "--param",   "cols=" + std::to_string(a.cols),
                                   "--ignore-constraints", "--json"};
  if (*l.workload)
    args.insert(args.end(), {"--workload", l.workload});
  json out;
  std::string err = tessel.json(args, out);
  const json *cost = err.empty() && out.contains("cost") ? &out["cost"] : nullptr;
  const json *levels = cost ? &(*cost)["levels"] : nullptr;
  const json *ub = levels ? named(*levels, "UB") : nullptr;
  const json *reg = levels ? named(*levels, "weight_reg") : nullptr;
  const json *acc = levels ? named(*levels, "ACC") : nullptr;
  if (err.empty() && !(ub && reg && acc))
    err = "no UB, weight_reg or ACC level in the cost report";
  const char *src = "hand (5.2)";
  auto add = [&](const char *what, double expected, double value) {
    if (!err.empty())
      checks.push_back(failedCheck(kGroup, prefix + what, src, expected, Tolerance::exact(), err));
    else
      checks.push_back({kGroup, prefix + what, src, expected, value, Tolerance::exact()});
  };
  // Array inputs: the ifmap streams from the Unified Buffer, the filter from the weight FIFO
  // into the PE-local weight registers, partial sums are written into the accumulators.
  add("cycles", e.cycles, err.empty() ? (*cost)["compute_cycles"].get<double>() : 0);
  add("ifmap SRAM reads", e.ifmapReads, err.empty() ? tensorCount(*ub, l.ifmap, "reads") : 0);
  add("filter SRAM reads", e.filterReads,
      err.empty() ? tensorCount(*reg, l.filter, "fills") : 0);
  add("ofmap SRAM writes", e.ofmapWrites,
      err.empty() ? tensorCount(*acc, l.ofmap, "updates") : 0);
  // SCALE-Sim's compute utilisation is not in the cost report: the cost model's closed forms
  // give it (the cycles above check that the model sees the same operand shape).
  cost::SystolicShape shape{l.pixels, l.filters, l.window, l.groups};
  cost::SystolicStats s = cost::systolicStats(shape, a.rows, a.cols, a.flow);
  checks.push_back({kGroup, prefix + "compute utilisation", src, e.utilization,
                    s.computeUtilization, Tolerance::exact()});
}

} // namespace

void addSystolicChecks(const TesselRun &tessel, std::vector<Check> &checks) {
  for (const Layer &l : kLayers) {
    std::string mapping = writeTempJson(trivialMapping(l));
    for (const Array &a : kArrays)
      addCase(tessel, l, a, mapping.empty() ? "/nonexistent-mapping.json" : mapping, checks);
    if (!mapping.empty())
      std::remove(mapping.c_str());
  }
}

} // namespace tessel::validation
