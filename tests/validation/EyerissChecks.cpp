// Eyeriss v1 (Chen et al., ISCA 2016 / JSSC 2017; refdata 2.1, 3.2, 4.1, 5.6): normalised
// access energies measured on a cost report of hwspecs/eyeriss.hw and read from the component
// library, active PEs of the row-stationary AlexNet mappings, and the chip's measured DRAM
// traffic and throughput against `tessel map`'s best row-stationary mappings.
#include "Checks.h"

#include <functional>

namespace tessel::validation {

namespace {

const char *kGroup = "Eyeriss v1 (Chen et al., ISCA 2016, JSSC 2017)";

/// Runs `tessel eval --json` of AlexNet layer `layer` on hwspecs/eyeriss.hw with its shipped
/// row-stationary mapping (examples/mappings/eyeriss-alexnet-<layer>.json, without
/// --ignore-constraints: the mapping must meet the .hw's row_stationary preset); the report is
/// `out["cost"]`.
std::string evalAlexNet(const TesselRun &tessel, const std::string &layer, json &out) {
  std::string err =
      tessel.json({"eval", tessel.path("hwspecs/eyeriss.hw"), tessel.path("examples/alexnet.wl"),
                   "--workload", "alexnet", "--layer", layer, "--mapping",
                   tessel.path("examples/mappings/eyeriss-alexnet-" + layer + ".json"), "--json"},
                  out);
  if (err.empty() && !(out.contains("cost") && out["cost"].value("valid", false)))
    err = "tessel eval wrote no valid cost report for " + layer;
  return err;
}

/// ISCA'16 Table IV (refdata 3.2), energy of one 16-bit access relative to one 16-bit MAC: RF
/// (0.5 kB) 1x, inter-PE NoC 2x, global buffer 6x, DRAM 200x. Measured on the cost report of a
/// real layer: each level's dynamic energy over the 16-bit words that cross its port (fills,
/// reads, updates and read-backs of every tensor; every AlexNet element is one word), the
/// network's energy over its transfers, each over the MAC energy per MAC. The GLB and DRAM bill
/// per 64-bit block (4 words), so a model that billed a block per word would be 4x off.
void addEnergyRatios(const TesselRun &tessel, std::vector<Check> &checks) {
  struct Ratio {
    const char *level, *what;
    double published;
  };
  const Ratio ratios[] = {{"ifmap_spad", "ifmap spad (24 B) energy per word / per MAC", 1},
                          {"psum_spad", "psum spad (48 B) energy per word / per MAC", 1},
                          {"filter_spad", "filter spad (448 B) energy per word / per MAC", 1},
                          {nullptr, "PE network energy per transfer / per MAC", 2},
                          {"GLB", "GLB (108 KiB) energy per word / per MAC", 6},
                          {"DRAM", "DRAM energy per word / per MAC", 200}};
  const char *src = "ISCA'16 Table IV [V] (3.2)";
  json out;
  std::string err = evalAlexNet(tessel, "conv3", out);
  const json &cost = out["cost"];
  for (const Ratio &r : ratios) {
    std::string name = std::string("AlexNet CONV3 (RS mapping): ") + r.what;
    const json *level = err.empty() ? named(cost["levels"], r.level ? r.level : "GLB") : nullptr;
    if (!level) {
      checks.push_back(failedCheck(kGroup, name, src, r.published, Tolerance::relative(0.10),
                                   err.empty() ? "no level in the report" : err));
      continue;
    }
    double perMac = cost["energy_pj"]["mac"].get<double>() / cost["macs"].get<double>();
    // The PE array's network is the fan-out below the GLB (DRAM -> GLB has none).
    double perWord = r.level ? (*level)["energy_pj"].get<double>() / levelAccesses(*level)
                             : cost["energy_pj"]["network"].get<double>() /
                                   (*level)["network_transfers_below"].get<double>();
    checks.push_back({kGroup, name, src, r.published, perWord / perMac, Tolerance::relative(0.10)});
  }
  // The DRAM words of that mapping by hand: DRAM loops K24 (outer) x C16; the GLB holds one
  // 16-channel slice of the input, so the padded input (256 x 15 x 15, index extent P + R - 1)
  // is read once per K step; the weights bypass the GLB and are read once (multicast across the
  // 13 columns); each 16-filter output tile stays in the GLB over the C loop and is written once.
  double words = 24.0 * 256 * 15 * 15 + 384.0 * 256 * 3 * 3 + 384.0 * 13 * 13;
  const char *name = "AlexNet CONV3 (RS mapping): DRAM words moved";
  const json *dram = err.empty() ? named(cost["levels"], "DRAM") : nullptr;
  if (!dram)
    checks.push_back(failedCheck(kGroup, name, "hand", words, Tolerance::exact(),
                                 err.empty() ? "no DRAM level in the report" : err));
  else
    checks.push_back({kGroup, name, "hand", words, levelAccesses(*dram), Tolerance::exact()});
}

/// The same ratios from `tessel check`'s resolved per-access figures of `file` (the read energy
/// of one access over the 16-bit words it moves).
void addLibraryRatios(const TesselRun &tessel, const char *file, const char *accelName,
                      const char *label, std::vector<Check> &checks) {
  struct Ratio {
    const char *part, *what;
    double published;
    bool network;
  };
  const Ratio ratios[] = {{"ifmap_spad", "ifmap RF (24 B) / MAC", 1, false},
                          {"psum_spad", "psum RF (48 B) / MAC", 1, false},
                          {"filter_spad", "filter spad (448 B) / MAC", 1, false},
                          {"PE", "NoC hop / MAC", 2, true},
                          {"GLB", "GLB (108 KiB) / MAC", 6, false},
                          {"DRAM", "DRAM / MAC", 200, false}};
  const char *src = "ISCA'16 Table IV [V] (3.2)";
  json out;
  std::string err = tessel.json({"check", "--json", tessel.path(file)}, out);
  const json *a = err.empty() ? accelerator(out, accelName) : nullptr;
  const json *macPart = a ? energyPart(*a, "mac") : nullptr;
  if (err.empty() && !macPart)
    err = std::string("no compute unit 'mac' in ") + file;
  for (const Ratio &r : ratios) {
    std::string name = std::string(label) + ": " + r.what + " energy per word";
    const json *part = err.empty() ? energyPart(*a, r.part) : nullptr;
    const json *geometry = err.empty() ? named((*a)["levels"], r.part) : nullptr;
    if (!part || (!r.network && !geometry)) {
      checks.push_back(failedCheck(kGroup, name, src, r.published, Tolerance::relative(0.10),
                                   err.empty() ? std::string("no part ") + r.part : err));
      continue;
    }
    // `check --json` shows width 0 for a level whose width is the default, one word.
    double word = (*a)["word_bits"].get<double>();
    double width = r.network ? 0 : (*geometry)["width_bits"].get<double>();
    double energy = figure(*part, "read_energy_pj") / ((width > 0 ? width : word) / word);
    checks.push_back({kGroup, name, src, r.published, energy / figure(*macPart, "read_energy_pj"),
                      Tolerance::relative(0.10)});
  }
}

struct Network {
  const char *label, *file, *workload;
  int batch;
  std::vector<std::string> layers;
};

/// Maps `net` on hwspecs/eyeriss.hw (row-stationary constraints of the .hw, objective energy,
/// branch and bound to the proven optimum) and returns `tessel map --json`'s document.
std::string mapNetwork(const TesselRun &tessel, const Network &net, json &out) {
  std::vector<std::string> args = {"map",        tessel.path("hwspecs/eyeriss.hw"),
                                   tessel.path(net.file),
                                   "--workload", net.workload,
                                   "--param",    "N=" + std::to_string(net.batch),
                                   "--threads",  std::to_string(tessel.mapThreads())};
  for (const std::string &l : net.layers)
    args.insert(args.end(), {"--layer", l});
  return tessel.jsonFile(args, out);
}

/// DRAM accesses (16-bit words: every element fits one) of every mapped layer, times its count.
double dramAccesses(const json &doc) {
  double sum = 0;
  for (const json &layer : doc["layers"]) {
    const json *dram = named(layer["mapping"]["cost"]["levels"], "DRAM");
    sum += dram ? levelAccesses(*dram) * layer.value("count", 1.0) : 0;
  }
  return sum;
}

struct NetworkCheck {
  const char *what;
  double published;
  Tolerance tolerance;
  std::function<double(const json &doc, const Network &net)> value;
};

/// Maps `net` once and adds one check per entry of `wanted`.
void addNetwork(const TesselRun &tessel, const Network &net,
                const std::vector<NetworkCheck> &wanted, std::vector<Check> &checks) {
  json doc;
  std::string err = mapNetwork(tessel, net, doc);
  if (err.empty() && !(doc.contains("totals") && doc.contains("layers")))
    err = "tessel map wrote no totals";
  for (const NetworkCheck &w : wanted) {
    std::string name = std::string(net.label) + ": " + w.what;
    const char *src = "JSSC'17 [V] (4.1)";
    if (!err.empty())
      checks.push_back(failedCheck(kGroup, name, src, w.published, w.tolerance, err));
    else
      checks.push_back({kGroup, name, src, w.published, w.value(doc, net), w.tolerance});
  }
}

double totalMacs(const json &doc, const Network &) { return doc["totals"]["macs"].get<double>(); }

double dramPerMac(const json &doc, const Network &) {
  return dramAccesses(doc) / doc["totals"]["macs"].get<double>();
}

double framesPerSecond(const json &doc, const Network &net) {
  return net.batch / doc["totals"]["latency_s"].get<double>();
}

} // namespace

void addEyerissEnergyChecks(const TesselRun &tessel, std::vector<Check> &checks) {
  addEnergyRatios(tessel, checks);
}

void addEyerissLibraryChecks(const TesselRun &tessel, std::vector<Check> &checks) {
  addLibraryRatios(tessel, "tests/validation/Inputs/eyeriss_library.hw", "eyeriss_library",
                   "library at 65 nm", checks);
}

void addEyerissPeChecks(const TesselRun &tessel, std::vector<Check> &checks) {
  // JSSC'17 Table V [M] (refdata 4.1) with the PE-set rule of refdata 5.6: CONV1 R11 x E55
  // strip-mined to 11 x 14 = 154; CONV2 R5 x E27 folded into 12 x 14 = 135; CONV3-5 four 3 x 13
  // sets = 156 (of 168). tessel's value: the MAC units that ever work under the shipped mapping
  // (`cost.active_compute_units`).
  struct Layer {
    const char *layer, *label;
    double published;
  };
  const Layer layers[] = {{"conv1", "CONV1", 154},
                          {"conv2", "CONV2", 135},
                          {"conv3", "CONV3", 156},
                          {"conv4", "CONV4", 156},
                          {"conv5", "CONV5", 156}};
  for (const auto &[layer, label, published] : layers) {
    std::string name = std::string("AlexNet ") + label + " (RS mapping): active PEs of 168";
    const char *src = "JSSC'17 Table V [M] (4.1, 5.6)";
    json out;
    std::string err = evalAlexNet(tessel, layer, out);
    if (!err.empty())
      checks.push_back(failedCheck(kGroup, name, src, published, Tolerance::exact(), err));
    else
      checks.push_back({kGroup, name, src, published,
                        out["cost"]["active_compute_units"].get<double>(), Tolerance::exact()});
  }
}

void addEyerissAlexNetChecks(const TesselRun &tessel, std::vector<Check> &checks) {
  // AlexNet CONV1-5 at batch 4 (the chip's measurement, refdata 4.1): 2.66 G MACs per batch,
  // 15.4 MB of 16-bit DRAM accesses = 0.0029 per MAC, 115.3 ms per batch = 34.7 frames/s,
  // 23.1 GMAC/s of the 33.6 peak.
  addNetwork(tessel,
             {"AlexNet CONV1-5, N=4", "examples/alexnet.wl", "alexnet", 4,
              {"conv1", "conv2", "conv3", "conv4", "conv5"}},
             {{"MACs per batch", 2.66e9, Tolerance::rounding(0.005e9), totalMacs},
              {"DRAM accesses per MAC", 0.0029, Tolerance::relative(0.10), dramPerMac},
              {"frames/s at 200 MHz", 34.7, Tolerance::relative(0.10), framesPerSecond},
              {"GMAC/s at 200 MHz", 23.1, Tolerance::relative(0.10),
               [](const json &doc, const Network &) {
                 return doc["totals"]["macs"].get<double>() /
                        doc["totals"]["latency_s"].get<double>() / 1e9;
               }}},
             checks);
}

void addEyerissVggChecks(const TesselRun &tessel, std::vector<Check> &checks) {
  // VGG-16 CONV1-13 at batch 3: 15.3 G MACs per image, 321.1 MB of DRAM accesses = 0.0035 per
  // MAC, 0.7 frames/s.
  addNetwork(tessel,
             {"VGG-16 CONV1-13, N=3", "examples/vgg16.wl", "vgg16", 3,
              {"conv1_1", "conv1_2", "conv2_1", "conv2_2", "conv3_1", "conv3_2", "conv3_3",
               "conv4_1", "conv4_2", "conv4_3", "conv5_1", "conv5_2", "conv5_3"}},
             {{"MACs per image", 15.3e9, Tolerance::rounding(0.05e9),
               [](const json &doc, const Network &net) {
                 return doc["totals"]["macs"].get<double>() / net.batch;
               }},
              {"DRAM accesses per MAC", 0.0035, Tolerance::relative(0.10), dramPerMac},
              {"frames/s at 200 MHz", 0.7, Tolerance::relative(0.10), framesPerSecond}},
             checks);
}

} // namespace tessel::validation
