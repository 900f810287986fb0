// The options every command that evaluates mappings shares: --plugin, --cost-model,
// --exec-timeout; loading plugins into a Registry and resolving the chosen model's name.
#ifndef TESSEL_TOOLS_COSTMODELOPTIONS_H
#define TESSEL_TOOLS_COSTMODELOPTIONS_H

#include "Cli.h"

#include "tessel/cost/Components.h"
#include "tessel/cost/Plugin.h"
#include "tessel/cost/Registry.h"

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace tessel::cli {

/// --plugin PATH (repeatable), --cost-model NAME|exec:COMMAND, --exec-timeout SECONDS; append
/// them to a CommandSpec's options.
std::vector<OptionSpec> costModelOptions();

/// A help paragraph on the three options, for a CommandSpec's details.
extern const char *const kCostModelHelp;

/// The cost models and component classes a command can use, and the plugins that added some.
struct ModelSetup {
  cost::Registry registry;
  cost::ComponentLibrary components;
  std::vector<cost::LoadedPlugin> plugins;
};

/// Registers the built-in cost models and component classes, then loads every --plugin in the
/// order given. On failure prints "tessel COMMAND: error: ..." to `err` and returns false.
bool setupModels(const ParsedArgs &args, const std::string &command, ModelSetup &setup,
                 std::ostream &err);

/// The cost model to use: --cost-model when given, else `fallback` (e.g. the model the .hw
/// names). An exec:COMMAND name is registered with --exec-timeout. Prints an error with the known
/// names (and a suggestion) to `err` and returns nullopt for an unknown name or a bad timeout.
std::optional<std::string> chooseCostModel(const ParsedArgs &args, const std::string &fallback,
                                           const std::string &command, ModelSetup &setup,
                                           std::ostream &err);

/// --convention tessel|timeloop: the counting rules of the exact models (docs/model.md 11).
OptionSpec conventionOption();

/// The model to build for `model` under --convention: `model` itself without the option or
/// for tessel, its registered Timeloop variant (e.g. "analytical(timeloop)") for timeloop.
/// Prints an error to `err` and returns nullopt for an unknown convention or a model that has
/// no such variant.
std::optional<std::string> applyConvention(const ParsedArgs &args, const std::string &model,
                                           const std::string &command,
                                           const cost::Registry &registry, std::ostream &err);

} // namespace tessel::cli

#endif // TESSEL_TOOLS_COSTMODELOPTIONS_H
