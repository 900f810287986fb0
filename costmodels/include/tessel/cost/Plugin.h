// Plugin: the entry point a cost-model plugin exports, and the loader that loads one.
//
// A plugin is a shared library (a CMake MODULE) exporting one C symbol:
//
//   extern "C" const TesselPluginInfo *tesselPluginInfo();
//
// The returned struct names the plugin and gives a register function that adds cost models and
// component models to the PluginRegistrar it is handed. The entry symbol has C linkage so the loader can find it by
// name; the register function takes C++ types, so a plugin must be built against the same tessel
// headers (TESSEL_PLUGIN_API_VERSION) with a compatible C++ compiler and standard library, as
// LLVM pass plugins are. See docs/plugins.md.
#ifndef TESSEL_COST_PLUGIN_H
#define TESSEL_COST_PLUGIN_H

#include "tessel/cost/Analytical.h"
#include "tessel/cost/Components.h"
#include "tessel/cost/Oracle.h"
#include "tessel/cost/Registry.h"
#include "tessel/cost/Roofline.h"
#include "tessel/cost/Systolic.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

/// The plugin interface version. Bumped whenever TesselPluginInfo, PluginRegistrar or any type a
/// plugin sees (Problem, Arch, Mapping, CostReport, CostModel, ComponentSpec, ComponentCosts)
/// changes in an incompatible way; the loader accepts exactly this version.
#define TESSEL_PLUGIN_API_VERSION 4

/// Marks the entry point visible from a plugin built with -fvisibility=hidden.
#define TESSEL_PLUGIN_EXPORT __attribute__((visibility("default")))

namespace tessel::cost {

/// A fingerprint of the sizes of the types a plugin shares with tessel, as the headers it is
/// compiled with lay them out. A plugin built against other headers (a stale install, a
/// changed struct) almost always has another fingerprint, and the loader rejects it instead of
/// letting it corrupt memory. A safety net below TESSEL_PLUGIN_API_VERSION, not a substitute.
constexpr uint64_t pluginLayoutFingerprint() {
  const uint64_t sizes[] = {
      sizeof(Dim),            sizeof(Tensor),         sizeof(Problem),
      sizeof(StorageLevel),   sizeof(FanOut),         sizeof(ComputeUnit),
      sizeof(Arch),           sizeof(TemporalLoop),   sizeof(SpatialLoop),
      sizeof(LevelMapping),   sizeof(Mapping),        sizeof(AccessCounts),
      sizeof(TensorLevelStats), sizeof(CostReport),   sizeof(CostModelFactory),
      sizeof(ComponentSpec),  sizeof(Figure),         sizeof(ComponentCosts),
      sizeof(ComponentModelFn), sizeof(ComponentLibrary), sizeof(Registry),
      sizeof(AnalyticalModel), sizeof(OracleModel),   sizeof(RooflineModel),
      sizeof(SystolicModel),  sizeof(std::string),    sizeof(std::vector<int64_t>)};
  uint64_t hash = 14695981039346656037ull; // FNV-1a over the sizes
  for (uint64_t size : sizes)
    hash = (hash ^ size) * 1099511628211ull;
  return hash;
}

/// What a plugin's register function adds its models to. It only collects: the loader commits
/// the additions to the host's Registry when registration succeeded as a whole, so a failing
/// plugin leaves the host unchanged.
class PluginRegistrar {
public:
  /// A cost model the plugin offers, built by `factory` for each problem and arch.
  void addCostModel(std::string name, CostModelFactory factory) {
    if (name.empty())
      fail("cost model name is empty");
    else if (!factory)
      fail("cost model '" + name + "' has no factory");
    else
      costModels.emplace_back(std::move(name), std::move(factory));
  }

  /// A component class (energy/area of one kind of hardware component) the plugin offers.
  void addComponentModel(std::string cls, ComponentModelFn model, std::string description = "") {
    if (cls.empty())
      fail("component class name is empty");
    else if (!model)
      fail("component class '" + cls + "' has no model");
    else
      componentModels.push_back({std::move(cls), std::move(model), std::move(description)});
  }

  /// Records why registration failed; the loader then rejects the plugin with this message.
  void fail(std::string message) { errors.push_back(std::move(message)); }

  /// The collected additions and failures (read by the loader).
  std::vector<std::pair<std::string, CostModelFactory>> costModels;
  struct ComponentEntry {
    std::string cls;
    ComponentModelFn model;
    std::string description;
  };
  std::vector<ComponentEntry> componentModels;
  std::vector<std::string> errors;
};

} // namespace tessel::cost

extern "C" {

/// What tesselPluginInfo() returns; it must stay valid while the plugin is loaded (a static).
struct TesselPluginInfo {
  /// TESSEL_PLUGIN_API_VERSION of the headers the plugin was built with.
  uint32_t apiVersion;
  /// tessel::cost::pluginLayoutFingerprint() of those headers.
  uint64_t layoutFingerprint;
  /// Plugin name and version, shown by `tessel plugins` and in errors.
  const char *name;
  const char *version;
  /// Adds the plugin's models to the registrar; calls registrar.fail(...) to refuse loading.
  void (*registerPlugin)(tessel::cost::PluginRegistrar &registrar);
};

/// The entry point every plugin defines.
TESSEL_PLUGIN_EXPORT const TesselPluginInfo *tesselPluginInfo();
}

namespace tessel::cost {

/// A plugin that loaded and registered its models.
struct LoadedPlugin {
  std::string path;
  std::string name;
  std::string version;
  /// Names of the cost models and component classes it registered, in registration order.
  std::vector<std::string> costModels;
  std::vector<std::string> componentModels;
};

/// Loads the plugin at `path` and adds its models to `registry` and `components`. A path without a '/' is taken
/// relative to the current directory (the library search path is not used). Returns an empty
/// string and fills `loaded` on success; otherwise a message (the library cannot be opened, has
/// no tesselPluginInfo symbol, returns no info, was built for another API version or against
/// headers with another layout fingerprint, or its registration failed or clashes with an
/// existing name) and leaves both unchanged.
/// A loaded library stays mapped for the rest of the process because the models it registered
/// run its code; a rejected one is closed.
std::string loadPlugin(const std::string &path, Registry &registry, ComponentLibrary &components,
                       LoadedPlugin &loaded);

} // namespace tessel::cost

#endif // TESSEL_COST_PLUGIN_H
