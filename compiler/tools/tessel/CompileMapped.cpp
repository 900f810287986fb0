// `tessel compile --emit=mapped`: bind the accelerator, lower the workloads, run map-search
// with the search and cost-model options of `tessel map`, print the mapped module.
#include "CompileMapped.h"
#include "CostModelOptions.h"
#include "EvalPipeline.h"
#include "SearchArgs.h"

#include "tessel/Dialect/Map/Transforms/Passes.h"
#include "tessel/Dialect/Workload/IR/Workload.h"
#include "tessel/Support/Number.h"

#include "mlir/Pass/PassManager.h"
#include "llvm/Support/raw_os_ostream.h"

#include <iostream>

namespace tessel::cli {

std::vector<OptionSpec> mappedOptions() {
  std::vector<OptionSpec> options = {
      {"param", "NAME=VALUE", "With --emit=mapped: bind a .hw or .wl parameter (repeatable)"},
      {"accelerator", "NAME", "With --emit=mapped: the accelerator, when the .hw defines several"}};
  for (OptionSpec &o : searchOptionSpecs())
    options.push_back(std::move(o));
  for (OptionSpec &o : costModelOptions())
    options.push_back(std::move(o));
  return options;
}

namespace {

/// `// @graph: N MAC einsums mapped, M MACs, C cycles, E pJ` from the attached costs, as the
/// whole-workload totals of `tessel map` count them: each einsum `count` times its `weight`
/// (a `weight W { }` block of the .wl).
void printTotals(llvm::raw_ostream &os, wl::GraphOp graph) {
  int64_t einsums = 0;
  double macs = 0, cycles = 0, energy = 0;
  graph.walk([&](wl::EinsumOp e) {
    auto cost = e->getAttrOfType<map::CostAttr>(map::kCostAttrName);
    if (!cost)
      return;
    double times = 1;
    if (auto c = e->getAttrOfType<mlir::IntegerAttr>("count"))
      times = static_cast<double>(c.getInt());
    if (auto w = e->getAttrOfType<mlir::FloatAttr>("weight"))
      times *= w.getValueAsDouble();
    ++einsums;
    macs += times * static_cast<double>(e.getMacs());
    cycles += times * static_cast<double>(cost.getCycles());
    energy += times * cost.getEnergy();
  });
  os << "// @" << graph.getSymName() << ": " << einsums << " MAC einsums mapped, "
     << formatNumber(macs) << " MACs, " << formatNumber(cycles) << " cycles, "
     << formatNumber(energy) << " pJ\n";
}

} // namespace

int emitMapped(const ParsedArgs &args, const std::string &usage) {
  EvalRequest request;
  request.command = "tessel compile";
  if (!readInputFiles(args, "compile", usage, request, std::cerr) ||
      !readParamArgs(args, "compile", request, std::cerr))
    return 1;
  request.accelerator = args.get("accelerator");
  std::optional<search::SearchOptions> options = readSearchOptions(args, "compile", std::cerr);
  if (!options)
    return 1;
  ModelSetup setup;
  if (!setupModels(args, "compile", setup, std::cerr))
    return 1;
  LoweredModule low;
  if (!loadBindLower(request, low, std::cerr))
    return 1;
  std::optional<std::string> model =
      chooseCostModel(args, low.acc.getCostModel().str(), "compile", setup, std::cerr);
  if (!model)
    return 1;

  network::SearchMemo memo;
  map::MapSearchConfig config;
  config.options = *options;
  config.costModel = *model;
  config.accelerator = low.acc.getSymName().str();
  config.registry = &setup.registry;
  config.components = &setup.components;
  config.memo = &memo;
  mlir::PassManager pm(low.ctx.get());
  pm.addPass(map::createMapSearchPass(config));
  if (mlir::failed(pm.run(*low.module)))
    return 1;
  llvm::raw_os_ostream os(std::cout);
  low.module->print(os);
  os << "\n";
  for (wl::GraphOp g : low.module->getOps<wl::GraphOp>())
    printTotals(os, g);
  os << "// map-search: model " << *model << ", objective " << search::toString(options->objective)
     << ", search " << search::algorithmName(options->algorithm) << ", " << memo.misses()
     << " distinct searches\n";
  return 0;
}

} // namespace tessel::cli
