// Loading --plugin libraries and resolving --cost-model names for the tessel commands.
#include "CostModelOptions.h"

#include "tessel/cost/Convention.h"
#include "tessel/cost/ExecModel.h"
#include "tessel/dsl/Diagnostics.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <ostream>

namespace tessel::cli {

std::vector<OptionSpec> costModelOptions() {
  return {{"plugin", "PATH", "Load a cost-model plugin (.so); repeatable"},
          {"cost-model", "NAME", "Cost model: a registered name or exec:COMMAND"},
          {"exec-timeout", "SECONDS",
           "Time an exec: model has to answer one evaluation (default 30)"}};
}

const char *const kCostModelHelp =
    "Cost models: the built-ins are listed by 'tessel plugins'; --plugin adds a plugin's\n"
    "models and component classes; --cost-model exec:COMMAND runs COMMAND (e.g. a Python\n"
    "script) and exchanges one JSON line per evaluation with it (docs/plugins.md).";

bool setupModels(const ParsedArgs &args, const std::string &command, ModelSetup &setup,
                 std::ostream &err) {
  cost::registerBuiltinCostModels(setup.registry);
  cost::registerBuiltinComponents(setup.components);
  auto it = args.values.find("plugin");
  if (it == args.values.end())
    return true;
  for (const std::string &path : it->second) {
    cost::LoadedPlugin loaded;
    std::string error = cost::loadPlugin(path, setup.registry, setup.components, loaded);
    if (!error.empty()) {
      err << "tessel " << command << ": error: " << error << '\n';
      return false;
    }
    setup.plugins.push_back(std::move(loaded));
  }
  return true;
}

std::optional<std::string> chooseCostModel(const ParsedArgs &args, const std::string &fallback,
                                           const std::string &command, ModelSetup &setup,
                                           std::ostream &err) {
  cost::ExecOptions options;
  if (std::optional<std::string> timeout = args.get("exec-timeout")) {
    char *end = nullptr;
    options.timeoutSeconds = std::strtod(timeout->c_str(), &end);
    if (timeout->empty() || *end || !std::isfinite(options.timeoutSeconds) ||
        options.timeoutSeconds <= 0) {
      err << "tessel " << command << ": error: --exec-timeout needs a positive number of "
          << "seconds, got '" << *timeout << "'\n";
      return std::nullopt;
    }
  }
  std::string name = args.get("cost-model").value_or(fallback);
  std::vector<std::string> names = setup.registry.costModelNames();
  if (std::find(names.begin(), names.end(), name) != names.end())
    return name;
  std::string prefix = cost::kExecPrefix;
  if (name.compare(0, prefix.size(), prefix) == 0) {
    std::string error = cost::addExecCostModel(setup.registry, name, options);
    if (!error.empty()) {
      err << "tessel " << command << ": error: " << error << '\n';
      return std::nullopt;
    }
    return name;
  }
  err << "tessel " << command << ": error: unknown cost model '" << name << "'";
  std::string known;
  for (const std::string &n : names)
    known += (known.empty() ? "" : ", ") + n;
  err << " (known: " << known << ", or exec:COMMAND)\n";
  std::string best = dsl::closestMatch(name, names);
  if (!best.empty())
    err << "hint: did you mean '" << best << "'?\n";
  else
    err << "hint: load a plugin that provides it with --plugin PATH\n";
  return std::nullopt;
}

OptionSpec conventionOption() {
  return {"convention", "NAME",
          "Counting rules of the exact models: tessel (default) or timeloop (docs/model.md)"};
}

std::optional<std::string> applyConvention(const ParsedArgs &args, const std::string &model,
                                           const std::string &command,
                                           const cost::Registry &registry, std::ostream &err) {
  std::optional<std::string> name = args.get("convention");
  if (!name)
    return model;
  std::optional<cost::Convention> convention = cost::parseConvention(*name);
  if (!convention) {
    err << "tessel " << command << ": error: unknown convention '" << *name
        << "' (known: tessel, timeloop)\n";
    return std::nullopt;
  }
  std::string variant = cost::conventionModelName(model, *convention);
  std::vector<std::string> names = registry.costModelNames();
  if (std::find(names.begin(), names.end(), variant) != names.end())
    return variant;
  err << "tessel " << command << ": error: cost model '" << model << "' has no " << *name
      << " convention (the exact models analytical and oracle have)\n";
  return std::nullopt;
}

} // namespace tessel::cli
