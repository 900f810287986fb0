// Peak-throughput identities (refdata 5.5) and GPU ridge points (refdata 5.4): tessel's peak is
// `tessel check`'s MAC units x clock of the shipped .hw; the expected side is the product of
// the published parameters, written out below, and the published figure itself.
#include "Checks.h"

namespace tessel::validation {

namespace {

const char *kGroup = "Peak throughput and ridge points (refdata 5.4, 5.5)";

struct Peak {
  const char *file, *accel, *what;
  /// tessel's peak MAC/s times this gives the figure in the published unit.
  double scale;
  /// The closed form from the published parameters, in the published unit.
  double closedForm;
  const char *closedFormSource;
  double published;
  const char *publishedSource;
  /// Half of the last published digit.
  double rounding;
};

/// The published parameters, multiplied out by hand (refdata 2.1-2.3, 2.7, 5.5).
const Peak kPeaks[] = {
    {"hwspecs/tpu_v1.hw", "tpu_v1", "TPU v1 peak TOPS (2 ops/MAC)", 2e-12,
     256.0 * 256 * 2 * 700e6 / 1e12, "256x256 MAC x 2 x 700 MHz (5.5)", 92,
     "Jouppi ISCA'17 [V]", 0.5},
    {"hwspecs/eyeriss.hw", "eyeriss", "Eyeriss peak GMAC/s", 1e-9, 168.0 * 200e6 / 1e9,
     "168 PE x 200 MHz (5.5)", 33.6, "Chen JSSC'17 [V]", 0.05},
    {"hwspecs/h100.hw", "a100", "A100 dense FP16 TFLOPS", 2e-12,
     108.0 * 4 * 256 * 2 * 1.41e9 / 1e12, "108 SM x 4 TC x 256 FMA x 2 x 1.41 GHz (5.5)", 312,
     "A100 datasheet [V]", 0.5},
    {"hwspecs/h100.hw", "h100", "H100 SXM dense FP16 TFLOPS", 2e-12,
     132.0 * 4 * 512 * 2 * 1.83e9 / 1e12, "132 SM x 4 TC x 512 FMA x 2 x 1.83 GHz (5.5)", 989.4,
     "H100 datasheet [M]", 0.05},
    {"hwspecs/simba.hw", "simba_chiplet", "Simba chiplet peak TOPS", 2e-12,
     16.0 * 8 * 8 * 2 * 1.958e9 / 1e12, "16 PE x 8 vMAC x 8 lanes x 2 x 1.958 GHz (5.5)", 4.01,
     "Zimmer VLSI'19 [V]", 0.005},
    {"hwspecs/simba.hw", "simba_package", "Simba package peak TOPS", 2e-12,
     36.0 * 1024 * 2 * 1.733e9 / 1e12, "36 chiplets x 1024 MAC x 2 x 1.733 GHz (5.5)", 127.8,
     "Zimmer VLSI'19 [V]", 0.05},
};

struct Ridge {
  const char *accel, *what;
  double closedForm;
  const char *closedFormSource;
  double published;
  double rounding;
};

/// Dense FP16 FLOP per HBM byte (refdata 5.4).
const Ridge kRidges[] = {
    {"a100", "A100-40GB ridge FLOP/B", 108.0 * 4 * 256 * 2 * 1.41e9 / 1555e9,
     "311.9 TFLOPS / 1555 GB/s", 200.6, 0.05},
    {"h100", "H100 SXM ridge FLOP/B", 132.0 * 4 * 512 * 2 * 1.83e9 / 3.35e12,
     "989.4 TFLOPS / 3.35 TB/s", 295, 0.5},
};

} // namespace

void addPeakChecks(const TesselRun &tessel, std::vector<Check> &checks) {
  for (const Peak &p : kPeaks) {
    json out;
    std::string err = tessel.json({"check", "--json", tessel.path(p.file)}, out);
    const json *a = err.empty() ? accelerator(out, p.accel) : nullptr;
    if (err.empty() && !a)
      err = std::string("no accelerator '") + p.accel + "' in " + p.file;
    if (!err.empty()) {
      checks.push_back(failedCheck(kGroup, p.what, p.closedFormSource, p.closedForm,
                                   Tolerance::exact(), err));
      continue;
    }
    double value = (*a)["peak_macs_per_second"].get<double>() * p.scale;
    checks.push_back({kGroup, std::string(p.what) + ", closed form", p.closedFormSource,
                      p.closedForm, value, Tolerance::exact()});
    checks.push_back({kGroup, std::string(p.what) + ", published", p.publishedSource,
                      p.published, value, Tolerance::rounding(p.rounding)});
  }
  json out;
  std::string err = tessel.json({"check", "--json", tessel.path("hwspecs/h100.hw")}, out);
  for (const Ridge &r : kRidges) {
    const json *a = err.empty() ? accelerator(out, r.accel) : nullptr;
    const json *hbm = a ? named((*a)["levels"], "HBM") : nullptr;
    if (!hbm) {
      checks.push_back(failedCheck(kGroup, r.what, r.closedFormSource, r.closedForm,
                                   Tolerance::exact(),
                                   err.empty() ? "no HBM level in hwspecs/h100.hw" : err));
      continue;
    }
    // The spec gives HBM's quoted bandwidth as one figure for reads and writes together.
    double bytesPerSecond = (*hbm)["shared_bandwidth_bits_per_cycle"].get<double>() *
                            (*a)["clock_hz"].get<double>() / 8;
    double ridge = 2 * (*a)["peak_macs_per_second"].get<double>() / bytesPerSecond;
    checks.push_back({kGroup, std::string(r.what) + ", closed form", r.closedFormSource,
                      r.closedForm, ridge, Tolerance::exact()});
    checks.push_back({kGroup, std::string(r.what) + ", published", "refdata 5.4 [D]",
                      r.published, ridge, Tolerance::rounding(r.rounding)});
  }
}

} // namespace tessel::validation
