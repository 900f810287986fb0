// Eyeriss v1 running AlexNet CONV1-5 at batch 4 and VGG-16 CONV1-13 at batch 3 with
// row-stationary mappings (examples/mappings/eyeriss-alexnet-convN-n4.json,
// eyeriss-vgg16-<layer>-n3.json) instead of the mapper's search: the chip's measured DRAM
// traffic, throughput and PE activity (JSSC'17; refdata 4.1, 5.6), each layer evaluated with
// `tessel eval --json` (fast: no search).
#include "Checks.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>

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
  /// Words crossing the DRAM port per layer (the `words` of the reports: run-length coded
  /// tensors at their coded size; equal to the accesses when nothing is coded).
  std::vector<double> layerDramWords;
  double clockHz = 0, computeUnits = 0, batch = 0;
};

/// The .hw and .wl files a network is evaluated on (by default the shipped ones).
struct RsFiles {
  std::string hw, wl;
};

RsFiles shippedFiles(const TesselRun &tessel, const RsNetwork &net) {
  return {tessel.path("hwspecs/eyeriss.hw"), tessel.path(net.wl)};
}

/// Evaluates every layer with its mapping on `files`; returns "" or the first error.
std::string evalRsNetwork(const TesselRun &tessel, const RsNetwork &net, const RsFiles &files,
                          RsTotals &t) {
  json check;
  std::string err = tessel.json({"check", "--json", files.hw}, check);
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
    err = tessel.json({"eval", files.hw, files.wl,
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
    t.layerDramWords.push_back(levelWords(*dram));
    if (name == net.handLayer)
      t.handLayerDramWords = levelAccesses(*dram);
  }
  return "";
}

struct RsCheck {
  const char *what, *source;
  double published;
  Tolerance tolerance;
  std::function<double(const RsTotals &)> value;
};

void addRsChecks(const TesselRun &tessel, const RsNetwork &net, const std::vector<RsCheck> &wanted,
                 std::vector<Check> &checks, const std::string &variant = "",
                 const RsFiles *files = nullptr, const std::string &setupError = "") {
  RsTotals t;
  std::string err = setupError;
  if (err.empty())
    err = evalRsNetwork(tessel, net, files ? *files : shippedFiles(tessel, net), t);
  for (const RsCheck &w : wanted) {
    std::string name = std::string(net.label) + " (RS mappings" + variant + "): " + w.what;
    if (!err.empty())
      checks.push_back(failedCheck(kGroup, name, w.source, w.published, w.tolerance, err));
    else
      checks.push_back({kGroup, name, w.source, w.published, w.value(t), w.tolerance});
  }
}

double dramPerMac(const RsTotals &t) { return t.dramWords / t.macs; }
double codedDramPerMac(const RsTotals &t) {
  double words = 0;
  for (double w : t.layerDramWords)
    words += w;
  return words / t.macs;
}

// Eyeriss' DRAM interface run-length codes feature maps (JSSC'17: a 64-bit word holds three
// 5-bit run / 16-bit level pairs; refdata 4.1 "RLC cuts fmap DRAM traffic ~30 % (CONV1) to
// ~75 % (CONV5)"). The RLC variant of the files: hwspecs/eyeriss.hw with `compress input,
// output; run_bits 5;` on its DRAM, and examples/alexnet.wl at the chip's 16 bits with the
// densities of JSSC'17 Table V [M] (4.1): the ifmap zeros of CONV1-5 (0.01 %, 38.7 %, 72.5 %,
// 79.3 %, 77.6 %) are the densities of their inputs image, pool1, pool2, relu3, relu4. The
// chip writes each layer's output after its fused ReLU, so conv3 and conv4 move relu3's and
// relu4's values (densities 0.207 and 0.224); conv1 and conv2 are pooled before the next
// layer reads them, and a max-pooled map of ReLU outputs is at least as dense as its input, so
// pool1's and pool2's densities bound theirs from above; conv5's is not published (1, a bound).
struct Density {
  const char *tensor;
  double value;
};
const Density kAlexNetDensities[] = {
    {"image", 1 - 0.0001}, {"pool1", 1 - 0.387}, {"pool2", 1 - 0.725}, {"relu3", 1 - 0.793},
    {"relu4", 1 - 0.776},  {"conv1", 1 - 0.387}, {"conv2", 1 - 0.725}, {"conv3", 1 - 0.793},
    {"conv4", 1 - 0.776}};

/// `text` with `anchor` replaced by `replacement`, or an error naming `file`.
std::string patch(std::string &text, const std::string &anchor, const std::string &replacement,
                  const std::string &file) {
  size_t at = text.find(anchor);
  if (at == std::string::npos)
    return file + " no longer contains '" + anchor + "' (update the RLC variant)";
  text.replace(at, anchor.size(), replacement);
  return "";
}

/// Writes the RLC variant of eyeriss.hw and alexnet.wl into a fresh directory.
std::string makeRlcFiles(const TesselRun &tessel, RsFiles &files) {
  std::string hw, wl;
  std::string err = readTextFile(tessel.path("hwspecs/eyeriss.hw"), hw);
  if (err.empty())
    err = readTextFile(tessel.path("examples/alexnet.wl"), wl);
  if (err.empty())
    err = patch(hw, "memory DRAM {", "memory DRAM {\n    compress input, output;\n    run_bits 5;",
                "hwspecs/eyeriss.hw");
  if (err.empty())
    err = patch(wl, "tensor image[N, 3, 227, 227] int8;", "tensor image[N, 3, 227, 227] int16;",
                "examples/alexnet.wl");
  std::string densities;
  for (const Density &d : kAlexNetDensities)
    densities += "  density " + std::string(d.tensor) + " = " + std::to_string(d.value) + ";\n";
  const std::string last = "  fc8 = matmul(relu7, out=1000, bias=true);\n";
  if (err.empty())
    err = patch(wl, last, last + densities, "examples/alexnet.wl");
  if (!err.empty())
    return err;
  char dir[] = "/tmp/tessel-validate-rlc-XXXXXX";
  if (!mkdtemp(dir))
    return "cannot create a temporary directory";
  files = {std::string(dir) + "/eyeriss-rlc.hw", std::string(dir) + "/alexnet-rlc.wl"};
  err = writeTextFile(files.hw, hw);
  return err.empty() ? writeTextFile(files.wl, wl) : err;
}

/// Removes the RLC variant's files and their directory.
void removeRlcFiles(const RsFiles &files) {
  if (files.hw.empty())
    return;
  std::remove(files.hw.c_str());
  std::remove(files.wl.c_str());
  std::remove(files.hw.substr(0, files.hw.rfind('/')).c_str());
}

/// Expected 16-bit words per element of a 16-bit tensor of `density` in Eyeriss' coding:
/// 64/3 bits per (run, level) entry, (1 - (1 - d)^32) / d elements per entry.
double rlcWords(double density) {
  return 64.0 / 3 * density / (1 - std::pow(1 - density, 32)) / 16;
}

const char *const kLayerWordsNames[] = {"CONV1 DRAM words", "CONV2 DRAM words",
                                        "CONV3 DRAM words", "CONV4 DRAM words",
                                        "CONV5 DRAM words"};

void addRlcChecks(const TesselRun &tessel, const std::vector<RsCheck> &wanted,
                  std::vector<Check> &checks) {
  RsFiles files;
  std::string err = makeRlcFiles(tessel, files);
  addRsChecks(tessel, kAlexNet, wanted, checks, ", RLC at Table V densities", &files, err);
  removeRlcFiles(files);
}
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
  // The same CONV3 mapping with Eyeriss' run-length coding (docs/model.md section 13): the
  // element counts above, each coded tensor at its expected coded size: the padded input read
  // 8 times at pool2's density 0.275, the weights uncoded, the outputs at relu3's 0.207.
  addRlcChecks(tessel,
               {{"CONV3 DRAM words moved", "hand",
                 8.0 * 4 * 256 * 15 * 15 * rlcWords(1 - 0.725) + 884736 +
                     4.0 * 384 * 169 * rlcWords(1 - 0.793),
                 Tolerance::exact(), [](const RsTotals &t) { return t.layerDramWords.at(2); }}},
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
  // With Eyeriss' run-length coding at Table V's densities (makeRlcFiles above): the DRAM
  // words per MAC, and per layer against Table V's DRAM MB [M] (10^6 bytes of 16-bit words).
  std::vector<RsCheck> rlc = {{"DRAM words per MAC", "JSSC'17 [V] (4.1)", 0.0029,
                               Tolerance::relative(0.10), codedDramPerMac}};
  const double tableVMegabytes[] = {5.0, 4.0, 3.0, 2.1, 1.3};
  for (size_t l = 0; l < 5; ++l)
    rlc.push_back({kLayerWordsNames[l], "JSSC'17 Table V [M] (4.1)", tableVMegabytes[l] * 1e6 / 2,
                   Tolerance::relative(0.10),
                   [l](const RsTotals &t) { return t.layerDramWords.at(l); }});
  addRlcChecks(tessel, rlc, checks);
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
