// Eyeriss v1 running AlexNet CONV1-5 at batch 4 with its own row-stationary mappings
// (examples/mappings/eyeriss-alexnet-convN-n4.json) instead of the mapper's search: the chip's
// measured DRAM traffic, throughput and PE activity (JSSC'17; refdata 4.1, 5.6), each layer
// evaluated with `tessel eval --json` (fast: no search).
#include "Checks.h"

namespace tessel::validation {

namespace {

const char *kGroup = "Eyeriss v1 (Chen et al., ISCA 2016, JSSC 2017)";
const char *kLayers[] = {"conv1", "conv2", "conv3", "conv4", "conv5"};

/// Totals of AlexNet CONV1-5 at N = 4 under the batch-4 row-stationary mappings.
struct AlexNetTotals {
  double macs = 0, cycles = 0, dramWords = 0;
  /// Sum over layers of average active PEs x cycles (the latency-weighted PE activity).
  double activePeCycles = 0;
  /// DRAM words of CONV3 alone (checked against a hand derivation).
  double conv3DramWords = 0;
  double clockHz = 0, computeUnits = 0;
};

/// Evaluates every layer with its batch-4 mapping; returns "" or the first error.
std::string evalAlexNetBatch4(const TesselRun &tessel, AlexNetTotals &t) {
  json check;
  std::string err = tessel.json({"check", "--json", tessel.path("hwspecs/eyeriss.hw")}, check);
  const json *a = err.empty() ? accelerator(check, "eyeriss") : nullptr;
  if (err.empty() && !a)
    return "no accelerator 'eyeriss' in tessel check --json";
  if (!err.empty())
    return err;
  t.clockHz = (*a)["clock_hz"].get<double>();
  t.computeUnits = (*a)["mac_units"].get<double>();
  for (const char *layer : kLayers) {
    std::string name = layer;
    json out;
    err = tessel.json({"eval", tessel.path("hwspecs/eyeriss.hw"),
                       tessel.path("examples/alexnet.wl"), "--workload", "alexnet", "--layer",
                       name, "--param", "N=4", "--mapping",
                       tessel.path("examples/mappings/eyeriss-alexnet-" + name + "-n4.json"),
                       "--json"},
                      out);
    if (!err.empty())
      return err;
    if (!(out.contains("cost") && out["cost"].value("valid", false)))
      return "tessel eval wrote no valid cost report for " + name;
    const json &cost = out["cost"];
    const json *dram = named(cost["levels"], "DRAM");
    if (!dram)
      return "no DRAM level in the report of " + name;
    double cycles = cost["cycles"].get<double>();
    t.macs += cost["macs"].get<double>();
    t.cycles += cycles;
    t.dramWords += levelAccesses(*dram);
    t.activePeCycles += cost["average_active_compute_units"].get<double>() * cycles;
    if (name == "conv3")
      t.conv3DramWords = levelAccesses(*dram);
  }
  return "";
}

struct RsCheck {
  const char *what, *source;
  double published;
  Tolerance tolerance;
  double (*value)(const AlexNetTotals &);
};

void addRsChecks(const TesselRun &tessel, const std::vector<RsCheck> &wanted,
                 std::vector<Check> &checks) {
  AlexNetTotals t;
  std::string err = evalAlexNetBatch4(tessel, t);
  for (const RsCheck &w : wanted) {
    std::string name = std::string("AlexNet CONV1-5, N=4 (RS mappings): ") + w.what;
    if (!err.empty())
      checks.push_back(failedCheck(kGroup, name, w.source, w.published, w.tolerance, err));
    else
      checks.push_back({kGroup, name, w.source, w.published, w.value(t), w.tolerance});
  }
}

} // namespace

void addEyerissRsChecks(const TesselRun &tessel, std::vector<Check> &checks) {
  // What the batch-4 mappings are, checked against the chip and by hand: the MACs per batch
  // (2.66 G, refdata 4.1), the PEs active on average over the batch's latency (JSSC'17: 88 % of
  // the 168; Table V's 154/135/156/156/156 weighted by each layer's latency, here tessel's), and
  // CONV3's DRAM words derived by hand (DRAM loops K8 over C16, the GLB loops K3 over N4 over
  // Q13 and keeps 48 filters' outputs of all 4 images over all channels: the padded input,
  // 4 x 256 x 15 x 15, is read once per DRAM K step; the 884,736 weights once, reused by the 4
  // images in the filter spads; the 4 x 384 x 13 x 13 outputs written once).
  addRsChecks(tessel,
              {{"MACs per batch", "JSSC'17 [V] (4.1)", 2.66e9, Tolerance::rounding(0.005e9),
                [](const AlexNetTotals &t) { return t.macs; }},
               {"PEs active, latency-weighted share of 168", "JSSC'17 [V] (4.1)", 0.88,
                Tolerance::rounding(0.005),
                [](const AlexNetTotals &t) {
                  return t.activePeCycles / t.cycles / t.computeUnits;
                }},
               {"CONV3 DRAM words moved", "hand", 8.0 * 4 * 256 * 15 * 15 + 884736 + 4.0 * 384 * 169,
                Tolerance::exact(), [](const AlexNetTotals &t) { return t.conv3DramWords; }}},
              checks);
}

void addEyerissRsMeasuredChecks(const TesselRun &tessel, std::vector<Check> &checks) {
  // The chip's measurements at 200 MHz (JSSC'17, refdata 4.1): 15.4 MB of 16-bit DRAM accesses
  // per batch = 7.7 M words = 0.0029 per MAC (after run-length compression of the feature maps,
  // which tessel does not model); 115.3 ms per batch of 4 = 34.7 frames/s and 23.1 GMAC/s
  // (total latency, including the DRAM traffic the chip does not overlap, and its per-pass
  // overheads; tessel's latency is max(compute, transfer) under perfect overlap).
  addRsChecks(
      tessel,
      {{"DRAM accesses (16-bit words) per MAC", "JSSC'17 [V] (4.1)", 0.0029,
        Tolerance::relative(0.10), [](const AlexNetTotals &t) { return t.dramWords / t.macs; }},
       {"frames/s at 200 MHz", "JSSC'17 [V] (4.1)", 34.7, Tolerance::relative(0.10),
        [](const AlexNetTotals &t) { return 4 / (t.cycles / t.clockHz); }},
       {"GMAC/s at 200 MHz", "JSSC'17 [V] (4.1)", 23.1, Tolerance::relative(0.10),
        [](const AlexNetTotals &t) { return t.macs / (t.cycles / t.clockHz) / 1e9; }}},
      checks);
}

} // namespace tessel::validation
