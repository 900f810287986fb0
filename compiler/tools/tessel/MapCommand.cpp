// `tessel map`: the best mapping of every layer of a workload on one accelerator design point.
#include "Commands.h"
#include "CostModelOptions.h"
#include "EvalPipeline.h"
#include "MapOutput.h"
#include "SearchArgs.h"

#include <fstream>
#include <iostream>

namespace tessel::cli {

namespace {

std::vector<OptionSpec> mapOptions() {
  std::vector<OptionSpec> options = {
      {"layer", "NAME", "Map only this layer (repeatable)"},
      {"json", "FILE", "Also write every mapping and its cost as JSON ('-': standard output)"},
      {"explain", "", "Print the size of each mapspace axis before and after pruning"},
      {"param", "NAME=VALUE", "Bind a .hw or .wl parameter (repeatable)"},
      {"accelerator", "NAME", "The accelerator, when the .hw defines several"},
      {"workload", "NAME", "The workload, when the .wl defines several"}};
  for (OptionSpec &o : searchOptionSpecs())
    options.push_back(std::move(o));
  for (OptionSpec &o : costModelOptions())
    options.push_back(std::move(o));
  return options;
}

} // namespace

const CommandSpec kMapSpec = {
    "map",
    "tessel map ARCH.hw MODEL.wl [options]",
    "Find the best mapping of every layer on one design point of the accelerator.",
    std::string(
        "The accelerator is bound at its parameter defaults or the --param values, every\n"
        "MAC layer is lowered to an einsum and searched (layers with the same shape are\n"
        "searched once). Per layer: the mapping as a compact loop nest (per level: temporal\n"
        "loops outer to inner, spatial loops on x/y, bypassed tensors), its energy, cycles\n"
        "and utilisation, and the optimality status: 'optimal' (branch and bound or\n"
        "exhaustive proved it, gap 0), 'gap N%' (stopped by a budget) or 'best of N'\n"
        "(random/anneal). Then whole-workload totals: latency, energy by level, utilisation.\n"
        "--json writes {\"layers\": [{\"name\", \"mapping\": DOC, ...}], \"totals\": ...}; each\n"
        "DOC is a mapping document that 'tessel eval --mapping' accepts back.\n"
        "docs/search.md explains the mapspace, the bounds and the certificate.\n"
        "Exit status 1 when a layer has no valid mapping (the reason and what to relax are\n"
        "printed), when the cost model fails (e.g. an exec: program exits or times out: the\n"
        "search stops with its message), or on any input error.\n\n") +
        kSearchHelp + kCostModelHelp,
    mapOptions(),
};

int runMap(int argc, char **argv) {
  bool help = false;
  std::optional<ParsedArgs> args = parseArgs(kMapSpec, argc, argv, std::cout, std::cerr, help);
  if (!args)
    return 1;
  if (help)
    return 0;
  EvalRequest request;
  request.command = "tessel map";
  if (!readInputFiles(*args, "map", kMapSpec.usage, request, std::cerr) ||
      !readParamArgs(*args, "map", request, std::cerr))
    return 1;
  request.accelerator = args->get("accelerator");
  request.workload = args->get("workload");
  std::optional<search::SearchOptions> options = readSearchOptions(*args, "map", std::cerr);
  if (!options)
    return 1;
  ModelSetup setup;
  if (!setupModels(*args, "map", setup, std::cerr))
    return 1;
  NetworkInputs in;
  if (!prepareNetwork(request, setup.components, in, std::cerr))
    return 1;
  if (!selectLayers(*args, in, std::cerr))
    return 1;
  std::optional<std::string> model =
      chooseCostModel(*args, in.hwCostModel, "map", setup, std::cerr);
  if (!model)
    return 1;

  if (args->has("explain"))
    printExplanations(std::cout, in.layers);
  network::SearchMemo memo;
  network::NetworkOutcome outcome =
      network::mapNetwork(in.layers, *options, setup.registry, *model, &memo);
  if (!outcome.modelFailure.empty()) {
    std::cerr << "tessel map: error: layer '" << outcome.layers.back().name
              << "': " << outcome.modelFailure << '\n';
    return 1;
  }
  printNetworkMapping(std::cout, in, *options, *model, outcome, memo);
  if (std::optional<std::string> jsonFile = args->get("json")) {
    std::string doc = networkMappingJson(in, *options, *model, outcome);
    if (*jsonFile == "-") {
      std::cout << doc << '\n';
    } else {
      std::ofstream os(*jsonFile, std::ios::binary | std::ios::trunc);
      os << doc << '\n';
      if (!os.flush()) {
        std::cerr << "tessel map: error: cannot write '" << *jsonFile << "'\n";
        return 1;
      }
    }
  }
  for (const std::string &e : outcome.errors)
    std::cerr << "tessel map: error: " << e << '\n';
  for (const network::LayerOutcome &l : outcome.layers)
    if (l.result && !l.result->found)
      for (const std::string &d : l.result->diagnosis)
        std::cerr << "  " << l.name << ": " << d << '\n';
  return outcome.errors.empty() ? 0 : 1;
}

} // namespace tessel::cli
