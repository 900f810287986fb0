// A test plugin compiled once per failure mode (TESSEL_TEST_PLUGIN_MODE) to exercise the loader.
#include "tessel/cost/Analytical.h"
#include "tessel/cost/Plugin.h"

#include <stdexcept>

#define MODE_GOOD 0
#define MODE_WRONG_VERSION 1
#define MODE_MISSING_SYMBOL 2
#define MODE_FAILING 3
#define MODE_THROWING 4
#define MODE_CLASH 5
#define MODE_UNDEFINED 6
#define MODE_LAYOUT 7

using namespace tessel::cost;

namespace {

/// The analytical model with every energy doubled: proves the plugin's own code runs.
class DoubledEnergyModel : public CostModel {
public:
  DoubledEnergyModel(const Problem &problem, const Arch &arch) : inner(problem, arch) {}
  std::string name() const override { return "test-doubled"; }
  void evaluate(const Mapping &mapping, CostReport &report) const override {
    inner.evaluate(mapping, report);
    report.totalEnergy *= 2;
  }

private:
  AnalyticalModel inner;
};

CostModelFactory doubledFactory() {
  return [](const Problem &problem, const Arch &arch) -> std::unique_ptr<CostModel> {
    return std::make_unique<DoubledEnergyModel>(problem, arch);
  };
}

/// A component class with fixed costs; refuses a zero width.
[[maybe_unused]] std::string fixedComponent(const ComponentSpec &spec, ComponentCosts &out) {
  if (spec.widthBits == 0)
    return "test-cell needs a width";
  out.readEnergy = out.writeEnergy = {1.0, "test plugin"};
  out.area = {2.0 * spec.widthBits, "test plugin"};
  out.leakage = {0.0, "test plugin"};
  return "";
}

#if TESSEL_TEST_PLUGIN_MODE == MODE_UNDEFINED
// Declared, never defined anywhere: the dynamic loader cannot resolve it.
extern "C" int tesselTestSymbolThatDoesNotExist();
#endif

void registerModels(PluginRegistrar &registrar) {
#if TESSEL_TEST_PLUGIN_MODE == MODE_FAILING
  registrar.addCostModel("test-failing", doubledFactory());
  registrar.fail("no licence for the test-failing model");
#elif TESSEL_TEST_PLUGIN_MODE == MODE_THROWING
  registrar.addCostModel("test-throwing", doubledFactory());
  throw std::runtime_error("configuration file not found");
#elif TESSEL_TEST_PLUGIN_MODE == MODE_CLASH
  registrar.addCostModel("test-clash-ok", doubledFactory());
  registrar.addCostModel("analytical", doubledFactory());
  registrar.addComponentModel("sram", fixedComponent);
#elif TESSEL_TEST_PLUGIN_MODE == MODE_UNDEFINED
  if (tesselTestSymbolThatDoesNotExist())
    registrar.addCostModel("test-undefined", doubledFactory());
#else
  registrar.addCostModel("test-doubled", doubledFactory());
  registrar.addComponentModel("test-cell", fixedComponent, "a 1 pJ, 2 um^2 test cell");
#endif
}

const TesselPluginInfo info = {
#if TESSEL_TEST_PLUGIN_MODE == MODE_WRONG_VERSION
    TESSEL_PLUGIN_API_VERSION + 1,
#else
    TESSEL_PLUGIN_API_VERSION,
#endif
#if TESSEL_TEST_PLUGIN_MODE == MODE_LAYOUT
    pluginLayoutFingerprint() + 1,
#else
    pluginLayoutFingerprint(),
#endif
    "test-plugin", "1.2.3", registerModels};

} // namespace

#if TESSEL_TEST_PLUGIN_MODE == MODE_MISSING_SYMBOL
extern "C" TESSEL_PLUGIN_EXPORT const TesselPluginInfo *tesselPluginInformation() { return &info; }
#else
extern "C" const TesselPluginInfo *tesselPluginInfo() { return &info; }
#endif
