// Eyeriss v1 running AlexNet CONV1-5 at batch 4 and VGG-16 CONV1-13 at batch 3 with
// row-stationary mappings (examples/mappings/eyeriss-alexnet-convN-n4.json,
// eyeriss-vgg16-<layer>-n3.json) instead of the mapper's search: the chip's measured DRAM
// traffic, throughput and PE activity (JSSC'17; refdata 4.1, 5.6), each layer evaluated with
// `tessel eval --json` (fast: no search).
#include "Checks.h"

namespace tessel::validation {

namespace {

const char *kGroup = "Eyeriss v1 (Chen et al., ISCA 2016, JSSC 2017)";

/// A network evaluated layer by layer with its shipped row-stationary mappings
/// examples/mappings/eyeriss-<mappingStem>-<layer>-n<batch>.json.
struct RsNetwork {
  const char *label, *wl, *workload, *mappingStem;
  int batch;
  std::vector<std::string> layers;
  /// The layer whose DRAM words are checked against a hand derivation.
  std::string handLayer;
};

const RsNetwork kAlexNet = {"AlexNet CONV1-5, N=4", "examples/alexnet.wl", "alexnet", "alexnet", 4,
                            {"conv1", "conv2", "conv3", "conv4", "conv5"}, "conv3"};
const RsNetwork kVgg16 = {"VGG-16 CONV1-13, N=3", "examples/vgg16.wl", "vgg16", "vgg16", 3,
                          {"conv1_1", "conv1_2", "conv2_1", "conv2_2", "conv3_1", "conv3_2",
                           "conv3_3", "conv4_1", "conv4_2", "conv4_3", "conv5_1", "conv5_2",
                           "conv5_3"},
                          "conv1_2"};

/// Totals of a network's layers under their row-stationary mappings.
struct RsTotals {
  double macs = 0, cycles = 0, dramWords = 0;
  /// Sum over layers of average active PEs x cycles (the latency-weighted PE activity).
  double activePeCycles = 0;
  /// DRAM words of the network's hand-derived layer alone.
  double handLayerDramWords = 0;
  double clockHz = 0, computeUnits = 0, batch = 0;
};

/// Evaluates every layer with its mapping; returns "" or the first error.
std::string evalRsNetwork(const TesselRun &tessel, const RsNetwork &net, RsTotals &t) {
  json check;
  std::string err = tessel.json({"check", "--json", tessel.path("hwspecs/eyeriss.hw")}, check);
  const json *a = err.empty() ? accelerator(check, "eyeriss") : nullptr;
  if (err.empty() && !a)
    return "no accelerator 'eyeriss' in tessel check --json";
  if (!err.empty())
    return err;
  t.clockHz = (*a)["clock_hz"].get<double>();
  t.computeUnits = (*a)["mac_units"].get<double>();
  t.batch = net.batch;
  std::string batch = std::to_string(net.batch);
  for (const std::string &name : net.layers) {
    json out;
    err = tessel.json({"eval", tessel.path("hwspecs/eyeriss.hw"), tessel.path(net.wl),
                       "--workload", net.workload, "--layer", name, "--param", "N=" + batch,
                       "--mapping",
                       tessel.path(std::string("examples/mappings/eyeriss-") + net.mappingStem +
                                   "-" + name + "-n" + batch + ".json"),
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
    if (name == net.handLayer)
      t.handLayerDramWords = levelAccesses(*dram);
  }
  return "";
}

struct RsCheck {
  const char *what, *source;
  double published;
  Tolerance tolerance;
  double (*value)(const RsTotals &);
};

void addRsChecks(const TesselRun &tessel, const RsNetwork &net, const std::vector<RsCheck> &wanted,
                 std::vector<Check> &checks) {
  RsTotals t;
  std::string err = evalRsNetwork(tessel, net, t);
  for (const RsCheck &w : wanted) {
    std::string name = std::string(net.label) + " (RS mappings): " + w.what;
    if (!err.empty())
      checks.push_back(failedCheck(kGroup, name, w.source, w.published, w.tolerance, err));
    else
      checks.push_back({kGroup, name, w.source, w.published, w.value(t), w.tolerance});
  }
}

double dramPerMac(const RsTotals &t) { return t.dramWords / t.macs; }
double framesPerSecond(const RsTotals &t) { return t.batch / (t.cycles / t.clockHz); }
double handLayerDramWords(const RsTotals &t) { return t.handLayerDramWords; }

} // namespace

void addEyerissRsChecks(const TesselRun &tessel, std::vector<Check> &checks) {
  // What the batch-4 mappings are, checked against the chip and by hand: the MACs per batch
  // (2.66 G, refdata 4.1), the PEs active on average over the batch's latency (JSSC'17: 88 % of
  // the 168; Table V's 154/135/156/156/156 weighted by each layer's latency, here tessel's), and
  // CONV3's DRAM words derived by hand (DRAM loops K8 over C16, the GLB loops K3 over N4 over
  // Q13 and keeps 48 filters' outputs of all 4 images over all channels: the padded input,
  // 4 x 256 x 15 x 15, is read once per DRAM K step; the 884,736 weights once, reused by the 4
  // images in the filter spads; the 4 x 384 x 13 x 13 outputs written once).
  addRsChecks(tessel, kAlexNet,
              {{"MACs per batch", "JSSC'17 [V] (4.1)", 2.66e9, Tolerance::rounding(0.005e9),
                [](const RsTotals &t) { return t.macs; }},
               {"PEs active, latency-weighted share of 168", "JSSC'17 [V] (4.1)", 0.88,
                Tolerance::rounding(0.005),
                [](const RsTotals &t) {
                  return t.activePeCycles / t.cycles / t.computeUnits;
                }},
               {"CONV3 DRAM words moved", "hand", 8.0 * 4 * 256 * 15 * 15 + 884736 + 4.0 * 384 * 169,
                Tolerance::exact(), handLayerDramWords}},
              checks);
  // VGG-16 CONV1-13 at batch 3 (examples/mappings/eyeriss-vgg16-<layer>-n3.json): the MACs
  // per batch, 3 x 15,346,630,656 (refdata 1.3, the sum of the 13 layers' K C R S P Q; ISSCC'16
  // and JSSC'17 round it to 15.3 G), and CONV1-2's DRAM words
  // derived by hand from its mapping (DRAM loops P16 over Q16 over C4, the GLB loops K4 over N3
  // over Q14 under 14 output rows on the array's columns): each pass's padded input tile, 3
  // images x 16 channels x 16 rows x 16 columns (14 outputs and a 3-wide filter's 2-word halo), is read once per
  // (P, Q, C) step; the weights bypass the GLB, so the filter spads' 64 filters x 16 channels x 9
  // are read once per (P, Q, C) step, i.e. all 36,864 weights once per (P, Q) block; C is
  // innermost at DRAM, so the GLB keeps a block's 3 x 64 x 14 x 14 outputs over all channels and
  // each output is written once.
  addRsChecks(tessel, kVgg16,
              {{"MACs per batch", "ISSCC'16 [V] 15.3 G, refdata 1.3 [D]", 3 * 15346630656.0,
                Tolerance::exact(), [](const RsTotals &t) { return t.macs; }},
               {"CONV1-2 DRAM words moved", "hand",
                16.0 * 16 * 4 * (3 * 16 * 16 * 16) + 16.0 * 16 * 36864 + 3.0 * 64 * 224 * 224,
                Tolerance::exact(), handLayerDramWords}},
              checks);
}

void addEyerissRsMeasuredChecks(const TesselRun &tessel, std::vector<Check> &checks) {
  // The chip's measurements at 200 MHz (JSSC'17, refdata 4.1): 15.4 MB of 16-bit DRAM accesses
  // per batch = 7.7 M words = 0.0029 per MAC (after run-length compression of the feature maps,
  // which tessel does not model); 115.3 ms per batch of 4 = 34.7 frames/s and 23.1 GMAC/s
  // (total latency, including the DRAM traffic the chip does not overlap, and its per-pass
  // overheads; tessel's latency is max(compute, transfer) under perfect overlap).
  addRsChecks(
      tessel, kAlexNet,
      {{"DRAM accesses (16-bit words) per MAC", "JSSC'17 [V] (4.1)", 0.0029,
        Tolerance::relative(0.10), dramPerMac},
       {"frames/s at 200 MHz", "JSSC'17 [V] (4.1)", 34.7, Tolerance::relative(0.10),
        framesPerSecond},
       {"GMAC/s at 200 MHz", "JSSC'17 [V] (4.1)", 23.1, Tolerance::relative(0.10),
        [](const RsTotals &t) { return t.macs / (t.cycles / t.clockHz) / 1e9; }}},
      checks);
  // VGG-16 CONV1-13 at batch 3 (JSSC'17, refdata 4.1): 321.1 MB of 16-bit DRAM accesses per
  // batch = 0.0035 per MAC (after run-length compression), 0.7 frames/s at 200 MHz.
  addRsChecks(tessel, kVgg16,
              {{"DRAM accesses (16-bit words) per MAC", "JSSC'17 [V] (4.1)", 0.0035,
                Tolerance::relative(0.10), dramPerMac},
               {"frames/s at 200 MHz", "JSSC'17 [V] (4.1)", 0.7, Tolerance::relative(0.10),
                framesPerSecond}},
              checks);
}

} // namespace tessel::validation
