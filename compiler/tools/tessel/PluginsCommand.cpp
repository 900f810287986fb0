// tessel plugins: the registered cost models and component classes and where each comes from.
#include "Commands.h"
#include "CostModelOptions.h"

#include <nlohmann/json.hpp>

#include <iostream>
#include <map>

namespace tessel::cli {

const CommandSpec kPluginsSpec = {
    "plugins",
    "tessel plugins [--plugin PATH]... [--json]",
    "List the cost models and component classes, built-in or added by plugins.",
    "Each --plugin is loaded as 'tessel eval --plugin' would load it, so this command\n"
    "also checks that a plugin loads (wrong API version, missing entry point, failing\n"
    "registration or a name clash are errors). exec:COMMAND models are not listed:\n"
    "any command can be one (docs/plugins.md).\n"
    "Exit status: 0 when every plugin loaded, 1 otherwise.",
    {{"plugin", "PATH", "Load a cost-model plugin (.so); repeatable"},
     {"json", "", "Print the lists as one JSON document"}},
};

namespace {

/// name -> the plugin that registered it (absent: built-in).
struct Sources {
  std::map<std::string, const cost::LoadedPlugin *> models, classes;
  explicit Sources(const std::vector<cost::LoadedPlugin> &plugins) {
    for (const cost::LoadedPlugin &p : plugins) {
      for (const std::string &name : p.costModels)
        models[name] = &p;
      for (const std::string &name : p.componentModels)
        classes[name] = &p;
    }
  }
};

std::string describe(const cost::LoadedPlugin *plugin) {
  if (!plugin)
    return "built-in";
  return "plugin " + plugin->name + (plugin->version.empty() ? "" : " " + plugin->version) +
         " (" + plugin->path + ")";
}

nlohmann::ordered_json sourceJson(const cost::LoadedPlugin *plugin) {
  if (!plugin)
    return "built-in";
  return {{"plugin", plugin->name}, {"version", plugin->version}, {"path", plugin->path}};
}

void printText(const ModelSetup &setup, std::ostream &os) {
  Sources sources(setup.plugins);
  auto row = [&](const std::string &name, const std::string &rest) {
    std::string left = "  " + name;
    os << left << std::string(left.size() < 18 ? 18 - left.size() : 1, ' ') << rest << '\n';
  };
  os << "cost models:\n";
  for (const std::string &name : setup.registry.costModelNames())
    row(name, describe(sources.models[name]));
  row("exec:COMMAND", "an external program (docs/plugins.md)");
  os << "component classes:\n";
  for (const std::string &name : setup.components.classNames()) {
    std::string description = setup.components.description(name);
    row(name, describe(sources.classes[name]) + (description.empty() ? "" : ": " + description));
  }
}

nlohmann::ordered_json toJson(const ModelSetup &setup) {
  Sources sources(setup.plugins);
  nlohmann::ordered_json doc;
  doc["plugin_api_version"] = TESSEL_PLUGIN_API_VERSION;
  doc["cost_models"] = nlohmann::ordered_json::array();
  for (const std::string &name : setup.registry.costModelNames())
    doc["cost_models"].push_back({{"name", name}, {"source", sourceJson(sources.models[name])}});
  doc["component_classes"] = nlohmann::ordered_json::array();
  for (const std::string &name : setup.components.classNames())
    doc["component_classes"].push_back({{"name", name},
                                        {"source", sourceJson(sources.classes[name])},
                                        {"description", setup.components.description(name)}});
  return doc;
}

} // namespace

int runPlugins(int argc, char **argv) {
  bool help = false;
  std::optional<ParsedArgs> args =
      parseArgs(kPluginsSpec, argc, argv, std::cout, std::cerr, help);
  if (!args)
    return 1;
  if (help)
    return 0;
  if (!args->positional.empty()) {
    std::cerr << "tessel plugins: error: unexpected argument '" << args->positional.front()
              << "'\nhint: load a plugin with --plugin " << args->positional.front() << '\n';
    return 1;
  }
  ModelSetup setup;
  if (!setupModels(*args, "plugins", setup, std::cerr))
    return 1;
  if (args->has("json"))
    std::cout << toJson(setup).dump(2) << '\n';
  else
    printText(setup, std::cout);
  return 0;
}

} // namespace tessel::cli
