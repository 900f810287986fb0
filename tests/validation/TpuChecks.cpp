// TPU v1 (Jouppi et al., ISCA 2017; refdata 2.2, 4.2, 5.4): the ridge point and the roofline
// bounds of the paper's six applications from hwspecs/tpu_v1.hw, the measured throughputs
// under those bounds, and tessel's roofline cost model on a fully connected layer.
#include "Checks.h"

#include <algorithm>
#include <cmath>

namespace tessel::validation {

namespace {

const char *kGroup = "TPU v1 (Jouppi et al., ISCA 2017)";

struct App {
  const char *name;
  /// Operational intensity, MACs per weight byte (Table 1 "TPU ops/weight-byte"; refdata 4.2
  /// shows it is MACs per byte: it equals the batch size for int8 weights).
  double intensity;
  /// The roofline bound refdata 4.2 derives, min(92, 2 x 34 GB/s x I) TOPS, as printed there.
  double roof;
  double roofRounding;
  /// Achieved TOPS (Table 3 [M]; CNN0 and CNN1 also in the text [V]).
  double measured;
  const char *measuredTag;
};

const App kApps[] = {
    {"MLP0", 200, 13.6, 0.05, 12.3, "[M]"},  {"MLP1", 168, 11.4, 0.05, 9.7, "[M]"},
    {"LSTM0", 64, 4.35, 0.005, 3.7, "[M]"},  {"LSTM1", 96, 6.5, 0.05, 2.8, "[M]"},
    {"CNN0", 2888, 92, 0.5, 86.0, "[V]"},    {"CNN1", 1750, 92, 0.5, 14.1, "[V]"},
};

/// A weight-stationary mapping of the matmul fc (dims M, N, K) of Inputs/tpu_fc.wl: K on the
/// 256 array rows, N on the 256 columns, M innermost so that each weight tile stays put.
json fcMapping(int64_t batch) {
  return {{"version", 1},
          {"levels",
           {{{"name", "DRAM"},
             {"temporal",
              {{{"dim", "N"}, {"factor", 8}},
               {{"dim", "K"}, {"factor", 8}},
               {{"dim", "M"}, {"factor", batch}}}}},
            {{"name", "ACC"},
             {"spatial",
              {{{"dim", "K"}, {"factor", 256}, {"axis", "y"}},
               {{"dim", "N"}, {"factor", 256}, {"axis", "x"}}}}}}}};
}

/// Hand derivation of the roofline model's cycles for Y[B,2048] = X[B,2048] W[2048,2048], int8,
/// on tpu_v1 (docs/model.md 7, roofline in 9): every element crosses each keeper boundary
/// once. Compute: B*2048*2048 MACs on 65,536 MACs = 64 B cycles. DRAM reads X and W once,
/// (2048 B + 2048^2) bytes, at 34 GB/s / 700 MHz = 48.571 bytes per cycle, rounded up; DRAM
/// writes Y, 2048 B bytes, on its own port (fewer). The Unified Buffer reads X and Y once
/// each at 256 B/cycle (16 B cycles) and the accumulators move Y twice at 1 KiB/cycle (4 B):
/// both below compute.
double fcRooflineCycles(double batch) {
  double compute = batch * 2048 * 2048 / (256 * 256);
  double dramBytesPerCycle = 34e9 / 700e6;
  double dramReads = std::ceil((batch * 2048 + 2048.0 * 2048) / dramBytesPerCycle);
  double dramWrites = std::ceil(batch * 2048 / dramBytesPerCycle);
  return std::max({compute, dramReads, dramWrites});
}

void addRidgeAndApps(const TesselRun &tessel, std::vector<Check> &checks) {
  const char *closedSource = "65,536 MAC x 700 MHz / 34 GB/s (5.4)";
  double closedRidge = 65536.0 * 700e6 / 34e9;
  json out;
  std::string err = tessel.json({"check", "--json", tessel.path("hwspecs/tpu_v1.hw")}, out);
  const json *a = err.empty() ? accelerator(out, "tpu_v1") : nullptr;
  const json *dram = a ? named((*a)["levels"], "DRAM") : nullptr;
  if (!dram) {
    checks.push_back(failedCheck(kGroup, "ridge MAC per weight byte", closedSource, closedRidge,
                                 Tolerance::exact(), err.empty() ? "no DRAM level" : err));
    return;
  }
  double peak = (*a)["peak_macs_per_second"].get<double>();
  double bytesPerSecond =
      (*dram)["read_bandwidth_bits_per_cycle"].get<double>() * (*a)["clock_hz"].get<double>() / 8;
  double ridge = peak / bytesPerSecond;
  checks.push_back({kGroup, "ridge MAC per weight byte, closed form", closedSource, closedRidge,
                    ridge, Tolerance::exact()});
  checks.push_back({kGroup, "ridge MAC per weight byte, published \"~1350\"", "ISCA'17 [V]",
                    1350, ridge, Tolerance::rounding(5)});
  for (const App &app : kApps) {
    // tessel's hardware: min(peak, DRAM bandwidth x intensity), 2 ops per MAC.
    double roof = 2 * std::min(peak, bytesPerSecond * app.intensity) / 1e12;
    std::string prefix = std::string(app.name) + " (" + formatValue(app.intensity) + " MAC/B)";
    checks.push_back({kGroup, prefix + " roofline TOPS", "Table 1 [M], roof 4.2 [D]", app.roof,
                      roof, Tolerance::rounding(app.roofRounding)});
    checks.push_back({kGroup, prefix + " roof >= measured TOPS",
                      std::string("Table 3 ") + app.measuredTag, app.measured, roof,
                      Tolerance::atLeast()});
  }
}

void addFcRoofline(const TesselRun &tessel, std::vector<Check> &checks) {
  for (int64_t batch : {200, 8192}) {
    double expected = fcRooflineCycles(static_cast<double>(batch));
    std::string name = "roofline model: FC B=" + std::to_string(batch) +
                       " K=N=2048 cycles (" + (batch == 200 ? "DRAM" : "compute") + " bound)";
    std::string mapping = writeTempJson(fcMapping(batch));
    json out;
    std::string err =
        mapping.empty()
            ? "cannot write the mapping"
            : tessel.json({"eval", tessel.path("hwspecs/tpu_v1.hw"),
                           tessel.path("tests/validation/Inputs/tpu_fc.wl"), "--layer", "fc",
                           "--mapping", mapping, "--cost-model", "roofline", "--param",
                           "B=" + std::to_string(batch), "--json"},
                          out);
    if (!mapping.empty())
      std::remove(mapping.c_str());
    if (err.empty() && !out.contains("cost"))
      err = "no cost report";
    if (!err.empty()) {
      checks.push_back(failedCheck(kGroup, name, "hand (5.4)", expected, Tolerance::exact(), err));
      continue;
    }
    checks.push_back({kGroup, name, "hand (5.4)", expected,
                      out["cost"]["cycles"].get<double>(), Tolerance::exact()});
  }
}

} // namespace

void addTpuChecks(const TesselRun &tessel, std::vector<Check> &checks) {
  addRidgeAndApps(tessel, checks);
  addFcRoofline(tessel, checks);
}

} // namespace tessel::validation
