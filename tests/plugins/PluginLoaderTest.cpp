// The plugin loader: a working plugin, and a clear error (registry unchanged) per failure mode.
#include "RandomCase.h"

#include "tessel/cost/Plugin.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace tessel::cost;

namespace {

/// The host objects, holding the built-in models.
struct Host {
  Registry registry;
  ComponentLibrary components;
  Host() {
    registerBuiltinCostModels(registry);
    registerBuiltinComponents(components);
  }
  std::string load(const std::string &path, LoadedPlugin &loaded) {
    return loadPlugin(path, registry, components, loaded);
  }
};

/// Loads `path` into a host of the built-in models, expects failure and returns the message.
std::string loadError(const std::string &path) {
  Host host;
  const Host builtins;
  LoadedPlugin loaded;
  std::string error = host.load(path, loaded);
  CHECK(host.registry.costModelNames() == builtins.registry.costModelNames());
  CHECK(host.components.classNames() == builtins.components.classNames());
  CHECK(loaded.name.empty());
  return error;
}

template <typename T> std::vector<T> with(std::vector<T> list, T extra) {
  list.push_back(std::move(extra));
  std::sort(list.begin(), list.end());
  return list;
}

std::string prefix(const std::string &path) { return "plugin 'test-plugin' (" + path + ") "; }

} // namespace

TEST_CASE("a plugin registers a working cost model and component class", "[plugin]") {
  Host host;
  const Host builtins;
  Registry &registry = host.registry;
  LoadedPlugin loaded;
  REQUIRE(host.load(TESSEL_TEST_PLUGIN_GOOD, loaded) == "");
  CHECK(loaded.path == TESSEL_TEST_PLUGIN_GOOD);
  CHECK(loaded.name == "test-plugin");
  CHECK(loaded.version == "1.2.3");
  CHECK(loaded.costModels == std::vector<std::string>{"test-doubled"});
  CHECK(loaded.componentModels == std::vector<std::string>{"test-cell"});
  CHECK(registry.costModelNames() ==
        with(builtins.registry.costModelNames(), std::string("test-doubled")));
  CHECK(host.components.classNames() ==
        with(builtins.components.classNames(), std::string("test-cell")));
  CHECK(host.components.description("test-cell") == "a 1 pJ, 2 um^2 test cell");
  ComponentSpec spec;
  spec.cls = "test-cell";
  spec.widthBits = 8;
  ComponentCosts costs;
  CHECK(host.components.estimate(spec, costs) == "");
  CHECK(costs.area.value == 16.0);
  spec.widthBits = 0;
  CHECK(host.components.estimate(spec, costs) == "test-cell: test-cell needs a width");
  int valid = 0;
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    testing::Case c = testing::randomCase(seed);
    std::unique_ptr<CostModel> model = registry.createCostModel("test-doubled", c.problem, c.arch);
    std::unique_ptr<CostModel> reference =
        registry.createCostModel("analytical", c.problem, c.arch);
    REQUIRE(model);
    CHECK(model->name() == "test-doubled");
    CostReport doubled = model->evaluate(c.mapping);
    CostReport plain = reference->evaluate(c.mapping);
    REQUIRE(doubled.valid == plain.valid);
    if (!plain.valid)
      continue;
    ++valid;
    CHECK(doubled.cycles == plain.cycles);
    CHECK(doubled.totalEnergy == 2 * plain.totalEnergy);
  }
  CHECK(valid >= 10);
}

TEST_CASE("a plugin loads into separate registries but not twice into one", "[plugin]") {
  Host first, second;
  LoadedPlugin loaded;
  REQUIRE(first.load(TESSEL_TEST_PLUGIN_GOOD, loaded) == "");
  REQUIRE(second.load(TESSEL_TEST_PLUGIN_GOOD, loaded) == "");
  std::vector<std::string> names = first.registry.costModelNames();
  CHECK(first.load(TESSEL_TEST_PLUGIN_GOOD, loaded) ==
        prefix(TESSEL_TEST_PLUGIN_GOOD) +
            "failed to register: cost model 'test-doubled' is already registered; component "
            "class 'test-cell' is already registered");
  CHECK(first.registry.costModelNames() == names);
}

TEST_CASE("a library that cannot be opened is reported with the loader's reason", "[plugin]") {
  std::string missing = std::string(TESSEL_TEST_DIR) + "/no-such-plugin.so";
  CHECK(loadError(missing) == "could not load plugin '" + missing + "': " + missing +
                                  ": cannot open shared object file: No such file or directory");
  // A file that is not a shared library at all.
  std::string source = std::string(TESSEL_TEST_DIR) + "/TestPlugin.cpp";
  std::string error = loadError(source);
  CHECK(error.rfind("could not load plugin '" + source + "': ", 0) == 0);
  CHECK(error.find("invalid ELF header") != std::string::npos);
  // A name without a slash is relative to the current directory, not the library path.
  CHECK(loadError("libm.so.6").rfind("could not load plugin 'libm.so.6': ./libm.so.6: ", 0) == 0);
}

TEST_CASE("a plugin with an unresolvable symbol fails at load time", "[plugin]") {
  std::string error = loadError(TESSEL_TEST_PLUGIN_UNDEFINED);
  CHECK(error.rfind("could not load plugin '" + std::string(TESSEL_TEST_PLUGIN_UNDEFINED) + "': ",
                    0) == 0);
  CHECK(error.find("undefined symbol: tesselTestSymbolThatDoesNotExist") != std::string::npos);
}

TEST_CASE("a library without the entry point is rejected", "[plugin]") {
  CHECK(loadError(TESSEL_TEST_PLUGIN_MISSING_SYMBOL) ==
        "plugin '" + std::string(TESSEL_TEST_PLUGIN_MISSING_SYMBOL) +
            "' does not export the entry point 'tesselPluginInfo' (define it as extern \"C\" "
            "with TESSEL_PLUGIN_EXPORT; see docs/plugins.md)");
}

TEST_CASE("a plugin built for another API version is rejected", "[plugin]") {
  CHECK(loadError(TESSEL_TEST_PLUGIN_WRONG_VERSION) ==
        "wrong API version on plugin 'test-plugin' (" +
            std::string(TESSEL_TEST_PLUGIN_WRONG_VERSION) + "): got version " +
            std::to_string(TESSEL_PLUGIN_API_VERSION + 1) + ", supported version is " +
            std::to_string(TESSEL_PLUGIN_API_VERSION));
}

TEST_CASE("a plugin built against differently laid out headers is rejected", "[plugin]") {
  CHECK(loadError(TESSEL_TEST_PLUGIN_LAYOUT) ==
        prefix(TESSEL_TEST_PLUGIN_LAYOUT) +
            "was built against tessel headers that lay out its types differently (layout "
            "fingerprint " +
            std::to_string(pluginLayoutFingerprint() + 1) + ", this tessel has " +
            std::to_string(pluginLayoutFingerprint()) +
            "): rebuild it against this tessel's installed package");
}

TEST_CASE("a failing registration is rejected and adds nothing", "[plugin]") {
  CHECK(loadError(TESSEL_TEST_PLUGIN_FAILING) ==
        prefix(TESSEL_TEST_PLUGIN_FAILING) +
            "failed to register: no licence for the test-failing model");
  CHECK(loadError(TESSEL_TEST_PLUGIN_THROWING) ==
        prefix(TESSEL_TEST_PLUGIN_THROWING) +
            "failed to register: exception: configuration file not found");
  // One clashing name rejects the whole plugin, including its other models.
  CHECK(loadError(TESSEL_TEST_PLUGIN_CLASH) ==
        prefix(TESSEL_TEST_PLUGIN_CLASH) +
            "failed to register: cost model 'analytical' is already registered; component class "
            "'sram' is already registered");
}
