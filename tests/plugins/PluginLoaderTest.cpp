// The plugin loader: a working plugin, and a clear error (registry unchanged) per failure mode.
#include "RandomCase.h"

#include "tessel/cost/Plugin.h"

#include <catch2/catch.hpp>

using namespace tessel::cost;

namespace {

const std::vector<std::string> kBuiltins = {"analytical", "oracle", "roofline"};

Registry builtinRegistry() {
  Registry registry;
  registerBuiltinCostModels(registry);
  return registry;
}

/// Loads `path` into a registry of the built-in models, expects failure and returns the message.
std::string loadError(const std::string &path) {
  Registry registry = builtinRegistry();
  LoadedPlugin loaded;
  std::string error = loadPlugin(path, registry, loaded);
  CHECK(registry.costModelNames() == kBuiltins);
  CHECK(loaded.name.empty());
  return error;
}

std::string prefix(const std::string &path) { return "plugin 'test-plugin' (" + path + ") "; }

} // namespace

TEST_CASE("a plugin registers a working cost model", "[plugin]") {
  Registry registry = builtinRegistry();
  LoadedPlugin loaded;
  REQUIRE(loadPlugin(TESSEL_TEST_PLUGIN_GOOD, registry, loaded) == "");
  CHECK(loaded.path == TESSEL_TEST_PLUGIN_GOOD);
  CHECK(loaded.name == "test-plugin");
  CHECK(loaded.version == "1.2.3");
  CHECK(loaded.costModels == std::vector<std::string>{"test-doubled"});
  CHECK(registry.costModelNames() ==
        std::vector<std::string>{"analytical", "oracle", "roofline", "test-doubled"});
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    testing::Case c = testing::randomCase(seed);
    std::unique_ptr<CostModel> model = registry.createCostModel("test-doubled", c.problem, c.arch);
    std::unique_ptr<CostModel> reference =
        registry.createCostModel("analytical", c.problem, c.arch);
    REQUIRE(model);
    CHECK(model->name() == "test-doubled");
    CostReport doubled = model->evaluate(c.mapping);
    CostReport plain = reference->evaluate(c.mapping);
    REQUIRE(doubled.valid);
    CHECK(doubled.cycles == plain.cycles);
    CHECK(doubled.totalEnergy == 2 * plain.totalEnergy);
  }
}

TEST_CASE("a plugin loads into separate registries but not twice into one", "[plugin]") {
  Registry first = builtinRegistry(), second = builtinRegistry();
  LoadedPlugin loaded;
  REQUIRE(loadPlugin(TESSEL_TEST_PLUGIN_GOOD, first, loaded) == "");
  REQUIRE(loadPlugin(TESSEL_TEST_PLUGIN_GOOD, second, loaded) == "");
  CHECK(loadPlugin(TESSEL_TEST_PLUGIN_GOOD, first, loaded) ==
        prefix(TESSEL_TEST_PLUGIN_GOOD) +
            "failed to register: cost model 'test-doubled' is already registered");
  CHECK(first.costModelNames().size() == 4);
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
            "failed to register: cost model 'analytical' is already registered");
}
