// Example tessel plugin: a cost model without transfer/compute overlap, and an SRAM with ECC.
//
//   no-overlap  The analytical model's counts and energies, but latency is compute cycles plus
//               every level's transfer cycles (no double buffering), leakage billed over that
//               longer time. A pessimistic bound for accelerators without prefetch.
//   sram_ecc    The built-in sram class with a SECDED (72,64) Hamming code: 8 check bits per 64
//               data bits widen every access and the array by 72/64.
#include "tessel/cost/Analytical.h"
#include "tessel/cost/Plugin.h"

#include <memory>

using namespace tessel::cost;

namespace {

class NoOverlapModel : public CostModel {
public:
  NoOverlapModel(const Problem &problem, const Arch &arch) : inner(problem, arch) {}

  std::string name() const override { return "no-overlap"; }

  void evaluate(const Mapping &mapping, CostReport &report) const override {
    inner.evaluate(mapping, report);
    if (!report.valid)
      return;
    int64_t cycles = report.computeCycles;
    int64_t longest = report.computeCycles;
    report.boundLevel = -1;
    for (size_t l = 0; l < report.levelCycles.size(); ++l) {
      cycles += report.levelCycles[l];
      if (report.levelCycles[l] > longest) {
        longest = report.levelCycles[l];
        report.boundLevel = static_cast<int>(l);
      }
    }
    double scale = report.cycles > 0 ? double(cycles) / double(report.cycles) : 1.0;
    report.totalEnergy += report.leakageEnergy * (scale - 1);
    report.leakageEnergy *= scale;
    report.utilization *= report.cycles > 0 ? 1 / scale : 1.0;
    report.cycles = cycles;
  }

private:
  AnalyticalModel inner;
};

/// SECDED (72,64): 8 check bits for every 64 data bits.
constexpr double kEccOverhead = 72.0 / 64.0;

std::string sramWithEcc(const ComponentSpec &spec, ComponentCosts &out) {
  // The plugin's own copy of the built-in classes supplies the plain SRAM.
  ComponentLibrary builtins;
  registerBuiltinComponents(builtins);
  ComponentSpec plain = spec;
  plain.cls = "sram";
  plain.sizeBits = spec.sizeBits * kEccOverhead;
  plain.widthBits = spec.widthBits * kEccOverhead;
  std::string error = builtins.estimate(plain, out);
  if (!error.empty())
    return error;
  for (Figure *figure : {&out.readEnergy, &out.writeEnergy, &out.area, &out.leakage})
    figure->source = "sram with SECDED (72,64) ECC, size and width x 72/64: " + figure->source;
  return "";
}

void registerModels(PluginRegistrar &registrar) {
  registrar.addCostModel("no-overlap", [](const Problem &problem, const Arch &arch) {
    return std::make_unique<NoOverlapModel>(problem, arch);
  });
  registrar.addComponentModel("sram_ecc", sramWithEcc,
                              "on-chip SRAM with SECDED (72,64) ECC (example plugin)");
}

const TesselPluginInfo info = {TESSEL_PLUGIN_API_VERSION, pluginLayoutFingerprint(),
                               "no-overlap-example", "1.0", registerModels};

} // namespace

extern "C" const TesselPluginInfo *tesselPluginInfo() { return &info; }
