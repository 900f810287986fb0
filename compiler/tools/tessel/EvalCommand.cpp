// `tessel eval`: evaluate one given mapping of one layer on one accelerator design point.
#include "Commands.h"
#include "CostModelOptions.h"
#include "EvalConstraints.h"
#include "EvalOutput.h"
#include "EvalPipeline.h"
#include "Frontend.h"
#include "MappedIr.h"
#include "SearchArgs.h"

#include "tessel/cost/MappingJson.h"

#include <fstream>
#include <iostream>
#include <sstream>

namespace tessel::cli {

namespace {

std::vector<OptionSpec> evalOptions() {
  std::vector<OptionSpec> options = {
      {"layer", "NAME", "The layer (einsum) to evaluate (required)"},
      {"mapping", "FILE",
       "The mapping (required): JSON as in docs/mapping-format.md, or a .mlir file written by "
       "'tessel compile --emit=mapped' (the layer's map.mapping)"},
      {"oracle", "", "Use the brute-force reference simulator (slow: small layers only)"},
      {"json", "", "Print the mapping and its cost as JSON instead of tables"},
      {"param", "NAME=VALUE",
       "Bind a .hw or .wl parameter (repeatable; NAME=V1,NAME2=V2 also accepted)"},
      {"accelerator", "NAME", "The accelerator, when the .hw defines several"},
      {"workload", "NAME", "The workload, when several in the .wl hold the layer"},
      {"ignore-constraints", "",
       "Evaluate a mapping that breaks the .hw's constraints (printed as warnings)"}};
  for (OptionSpec &o : costModelOptions())
    options.push_back(std::move(o));
  options.push_back(conventionOption());
  return options;
}

} // namespace

const CommandSpec kEvalSpec = {
    "eval",
    "tessel eval ARCH.hw MODEL.wl --layer NAME --mapping M.json [options]",
    "Evaluate a given mapping of one layer and print where the energy and the cycles go.",
    std::string(
        "The accelerator is bound at its parameter defaults, or at the --param values;\n"
        "the layer is lowered to an einsum (names as 'tessel compile --emit=einsum' prints\n"
        "them) and extracted as in docs/extract.md. The cost model is the one the .hw names\n"
        "(`model`, default analytical) unless --cost-model or --oracle says otherwise;\n"
        "--convention timeloop makes the analytical model or the oracle count by Timeloop's\n"
        "rules (sliding windows refilled when an outer loop advances; docs/model.md 11).\n"
        "Output: accesses and energy per level and tensor, MAC, network and leakage energy,\n"
        "cycles and the resource bounding them, utilisation, area; with --json the mapping\n"
        "document with a \"cost\" member (it reads back as a mapping).\n"
        "Exit status 1 on any error, including an invalid mapping (each violation printed).\n"
        "The mapping format (levels, dims and tensors by name) is in docs/mapping-format.md;\n"
        "examples/mappings/ holds a worked example for Eyeriss.\n\n") +
        kCostModelHelp,
    evalOptions(),
};

namespace {

bool readFile(const std::string &path, std::string &text) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return false;
  std::ostringstream os;
  os << in.rdbuf();
  text = os.str();
  return true;
}

/// Fills the files, layer and mapping path of `request`; prints the problem and fails.
bool readCommandLine(const ParsedArgs &args, EvalRequest &request, std::string &mappingFile) {
  if (!readInputFiles(args, "eval", kEvalSpec.usage, request, std::cerr))
    return false;
  std::optional<std::string> layer = args.get("layer"), mapping = args.get("mapping");
  if (!layer || !mapping) {
    std::cerr << "tessel eval: error: missing --" << (!layer ? "layer NAME" : "mapping FILE")
              << "\nhint: usage: " << kEvalSpec.usage << '\n';
    return false;
  }
  request.layer = *layer;
  mappingFile = *mapping;
  request.accelerator = args.get("accelerator");
  request.workload = args.get("workload");
  return readParamArgs(args, "eval", request, std::cerr);
}

} // namespace

int runEval(int argc, char **argv) {
  bool help = false;
  std::optional<ParsedArgs> args = parseArgs(kEvalSpec, argc, argv, std::cout, std::cerr, help);
  if (!args)
    return 1;
  if (help)
    return 0;
  EvalRequest request;
  std::string mappingFile, mappingText;
  if (!readCommandLine(*args, request, mappingFile))
    return 1;
  // A .mlir file is mapped IR (`tessel compile --emit=mapped`), read once the layer is known.
  bool fromIr = mappingFile.ends_with(".mlir");
  if (!fromIr && !readFile(mappingFile, mappingText)) {
    std::cerr << "tessel eval: error: cannot read mapping file '" << mappingFile << "'\n";
    return 1;
  }
  if (args->has("oracle") && args->has("cost-model")) {
    std::cerr << "tessel eval: error: --oracle and --cost-model both choose the cost model\n";
    return 1;
  }
  ModelSetup setup;
  if (!setupModels(*args, "eval", setup, std::cerr))
    return 1;
  EvalInputs in;
  if (!prepareEvaluation(request, setup.components, in, std::cerr))
    return 1;
  std::optional<std::string> model =
      args->has("oracle") ? std::optional<std::string>("oracle")
                          : chooseCostModel(*args, in.hwCostModel, "eval", setup, std::cerr);
  if (model)
    model = applyConvention(*args, *model, "eval", setup.registry, std::cerr);
  if (!model)
    return 1;

  std::optional<cost::Mapping> mapping;
  if (fromIr) {
    mapping = readMappedIr(mappingFile, request.layer, request.workload, in.problem, in.arch,
                           std::cerr);
  } else {
    cost::MappingParseResult parsed = cost::parseMappingJson(mappingText, in.problem, in.arch);
    for (const cost::JsonError &e : parsed.errors)
      std::cerr << cost::formatJsonError(e, mappingFile) << '\n';
    mapping = std::move(parsed.mapping);
  }
  if (!mapping)
    return 1;
  std::string error;
  std::unique_ptr<cost::CostModel> costModel =
      setup.registry.createCostModel(*model, in.problem, in.arch, &error);
  if (!costModel) {
    std::cerr << "tessel eval: error: " << error << '\n';
    return 1;
  }
  if (model->rfind("oracle", 0) == 0 && in.problem.macs() > 50'000'000)
    std::cerr << "tessel eval: warning: the oracle walks all " << in.problem.macs()
              << " iterations of layer '" << request.layer << "'; this can take long\n";
  cost::CostReport report;
  // A model that fails (e.g. an exec: program that crashed) is an error, not an invalid mapping.
  std::string failure = costModel->evaluateOrError(*mapping, report);
  if (!failure.empty()) {
    std::cerr << "tessel eval: error: " << failure << '\n';
    return 1;
  }
  std::vector<std::string> notes;
  std::vector<std::string> broken = constraintViolations(in, *mapping, notes);
  for (const std::string &n : notes)
    std::cerr << "tessel eval: note: " << n << '\n';
  bool ignore = args->has("ignore-constraints");
  if (args->has("json"))
    std::cout << cost::mappingWithCostToJson(*mapping, in.problem, in.arch, report,
                                             *model)
              << '\n';
  if (!report.valid) {
    std::cerr << "tessel eval: error: invalid mapping for layer '" << request.layer << "' ("
              << mappingFile << "):\n";
    for (const std::string &v : report.violations)
      std::cerr << "  " << v << '\n';
  }
  if (!broken.empty()) {
    std::cerr << "tessel eval: " << (ignore ? "warning" : "error") << ": the mapping ("
              << mappingFile << ") breaks constraints of accelerator '" << in.accelerator
              << "':\n";
    for (const std::string &v : broken)
      std::cerr << "  " << v << '\n';
    if (!ignore)
      std::cerr << "hint: --ignore-constraints evaluates it anyway\n";
  }
  if (!report.valid || (!broken.empty() && !ignore))
    return 1;
  if (!args->has("json"))
    printEvaluation(std::cout, in, mappingFile, *model, *mapping, report);
  return 0;
}

} // namespace tessel::cli
