//===- MapSearch.cpp - map-search -----------------------------------------===//
// Searches the best mapping of every MAC einsum of a module on its bound accelerator and
// attaches it as map.mapping / map.cost.
//===----------------------------------------------------------------------===//
#include "tessel/Dialect/Map/Transforms/Passes.h"

#include "tessel/Dialect/Arch/IR/Arch.h"
#include "tessel/Dialect/Workload/IR/Workload.h"
#include "tessel/Extract/Extract.h"
#include "tessel/Extract/MapAttrs.h"
#include "tessel/cost/ExecModel.h"

namespace tessel::map {
#define GEN_PASS_DEF_MAPSEARCH
#include "tessel/Dialect/Map/Transforms/Passes.h.inc"
} // namespace tessel::map

using namespace mlir;

namespace tessel::map {

namespace {

std::string joined(llvm::ArrayRef<std::string> items, llvm::StringRef separator) {
  std::string out;
  for (const std::string &item : items)
    out += (out.empty() ? "" : separator.str()) + item;
  return out;
}

/// The map.search attribute of a found mapping: how the search ended (Map.h, kSearchAttrName).
DictionaryAttr searchAttr(MLIRContext *ctx, const search::SearchResult &r) {
  Builder b(ctx);
  const char *status = r.status == search::SearchStatus::Optimal   ? "optimal"
                       : r.status == search::SearchStatus::Stopped ? "stopped"
                                                                   : "finished";
  SmallVector<NamedAttribute> entries = {
      b.getNamedAttr("status", b.getStringAttr(status)),
      b.getNamedAttr("evaluations", b.getI64IntegerAttr(r.certificate.evaluations))};
  if (r.status == search::SearchStatus::Stopped && r.certificate.gapPercent)
    entries.push_back(b.getNamedAttr("gap_percent", b.getF64FloatAttr(*r.certificate.gapPercent)));
  return b.getDictionaryAttr(entries);
}

struct MapSearchPass : impl::MapSearchBase<MapSearchPass> {
  using MapSearchBase::MapSearchBase;
  MapSearchPass() = default;
  /// Takes the search options, models and memo from `config`; the textual options mirror
  /// them so that the printed pipeline says what runs.
  explicit MapSearchPass(const MapSearchConfig &config) : config(config), configured(true) {
    const search::SearchOptions &o = config.options;
    accelerator = config.accelerator;
    algorithm = search::algorithmName(o.algorithm);
    objective = search::toString(o.objective);
    maxEvaluations = o.maxEvaluations;
    maxSeconds = o.maxSeconds;
    threads = o.threads;
    seed = o.seed;
    minUtilization = o.limits.minUtilization;
    maxCycles = o.limits.maxCycles;
    costModel = config.costModel;
  }

  void runOnOperation() override;

private:
  FailureOr<search::SearchOptions> searchOptions(Location loc);
  FailureOr<arch::AcceleratorOp> selectAccelerator(ModuleOp module);
  FailureOr<std::string> chooseModel(arch::AcceleratorOp acc, cost::Registry &registry);
  LogicalResult checkLowered(ModuleOp module);

  MapSearchConfig config;
  bool configured = false;
};

FailureOr<search::SearchOptions> MapSearchPass::searchOptions(Location loc) {
  if (configured)
    return config.options;
  search::SearchOptions o;
  std::optional<search::Algorithm> a = search::parseAlgorithm(algorithm);
  if (!a)
    return emitError(loc) << "map-search: unknown search '" << algorithm.getValue()
                          << "' (known: bnb, exhaustive, random, anneal)";
  o.algorithm = *a;
  std::string why;
  std::optional<search::Objective> obj = search::parseObjective(objective, why);
  if (!obj)
    return emitError(loc) << "map-search: bad objective '" << objective.getValue() << "': " << why;
  o.objective = *obj;
  if (maxEvaluations < 0 || maxSeconds < 0 || threads < 0 || maxCycles < 0 ||
      !(minUtilization >= 0 && minUtilization <= 1))
    return emitError(loc) << "map-search: max-evaluations, max-seconds, threads and "
                          << "max-cycles must not be negative, min-utilization must be in [0, 1]";
  o.maxEvaluations = maxEvaluations;
  o.maxSeconds = maxSeconds;
  o.threads = threads;
  o.seed = seed;
  o.limits.minUtilization = minUtilization;
  o.limits.maxCycles = maxCycles;
  return o;
}

FailureOr<arch::AcceleratorOp> MapSearchPass::selectAccelerator(ModuleOp module) {
  std::vector<std::string> names;
  arch::AcceleratorOp chosen;
  for (arch::AcceleratorOp acc : module.getOps<arch::AcceleratorOp>()) {
    names.push_back(acc.getSymName().str());
    if (accelerator.empty() ? !chosen : acc.getSymName() == accelerator)
      chosen = acc;
  }
  if (names.empty())
    return module.emitError() << "map-search: the module holds no arch.accelerator";
  if (!accelerator.empty() && !chosen)
    return module.emitError() << "map-search: no accelerator '" << accelerator.getValue()
                              << "' (accelerators: " << joined(names, ", ") << ")";
  if (accelerator.empty() && names.size() > 1)
    return module.emitError() << "map-search: the module holds the accelerators "
                              << joined(names, ", ") << "; choose one with accelerator=NAME";
  return chosen;
}

FailureOr<std::string> MapSearchPass::chooseModel(arch::AcceleratorOp acc,
                                                  cost::Registry &registry) {
  std::string name = costModel.empty() ? acc.getCostModel().str() : costModel.getValue();
  std::vector<std::string> names = registry.costModelNames();
  if (llvm::is_contained(names, name))
    return name;
  if (llvm::StringRef(name).starts_with(cost::kExecPrefix)) {
    cost::ExecOptions exec;
    exec.timeoutSeconds = execTimeout;
    std::string error = cost::addExecCostModel(registry, name, exec);
    if (error.empty())
      return name;
    return acc.emitError() << "map-search: " << error;
  }
  return acc.emitError() << "map-search: unknown cost model '" << name
                         << "' (known: " << joined(names, ", ") << ", or exec:COMMAND)";
}

LogicalResult MapSearchPass::checkLowered(ModuleOp module) {
  LogicalResult result = success();
  for (wl::GraphOp g : module.getOps<wl::GraphOp>())
    for (Operation &op : g.getBody().front())
      if (llvm::isa<wl::Conv2DOp, wl::DepthwiseConv2DOp, wl::MatmulOp, wl::BatchMatmulOp,
                    wl::AttentionOp>(op)) {
        op.emitError() << "map-search maps wl.einsum ops: run wl-lower-to-einsum first";
        result = failure();
      }
  return result;
}

void MapSearchPass::runOnOperation() {
  ModuleOp module = getOperation();
  MLIRContext *ctx = &getContext();
  FailureOr<search::SearchOptions> options = searchOptions(module.getLoc());
  FailureOr<arch::AcceleratorOp> acc = selectAccelerator(module);
  if (failed(options) || failed(acc) || failed(checkLowered(module)))
    return signalPassFailure();
  cost::Registry registry;
  if (config.registry)
    registry = *config.registry;
  else
    cost::registerBuiltinCostModels(registry);
  cost::ComponentLibrary builtinComponents;
  const cost::ComponentLibrary *components = config.components;
  if (!components) {
    cost::registerBuiltinComponents(builtinComponents);
    components = &builtinComponents;
  }
  FailureOr<std::string> model = chooseModel(*acc, registry);
  FailureOr<extract::ArchSpec> spec = extract::extractArch(*acc, *components);
  if (failed(model) || failed(spec))
    return signalPassFailure();
  network::SearchMemo localMemo;
  network::SearchMemo &memo = config.memo ? *config.memo : localMemo;

  bool ok = true;
  for (wl::GraphOp graph : module.getOps<wl::GraphOp>())
    for (Operation &op : graph.getBody().front()) {
      auto einsum = llvm::dyn_cast<wl::EinsumOp>(op);
      if (!einsum || einsum.getMacs() == 0)
        continue;
      FailureOr<cost::Problem> problem = extract::extractProblem(einsum);
      if (failed(problem)) {
        ok = false;
        continue;
      }
      llvm::SmallVector<extract::Role> roles = extract::tensorRoles(einsum);
      network::Layer layer;
      layer.name = einsum.getLabel().str();
      layer.arch = extract::bindRoles(*spec, roles);
      FailureOr<cost::MapConstraints> constraints =
          extract::extractConstraints(*acc, *spec, *problem, roles);
      if (failed(constraints)) {
        ok = false;
        continue;
      }
      layer.problem = std::move(*problem);
      layer.constraints = std::move(*constraints);
      std::shared_ptr<const search::SearchResult> result =
          memo.getOrCompute(network::searchKey(layer, *options, *model), [&] {
            return search::search(layer.problem, layer.arch, layer.constraints, *options, registry,
                                  *model);
          });
      const search::SearchResult &r = *result;
      if (!r.modelFailure.empty()) {
        einsum.emitError() << "map-search stopped at layer '" << layer.name
                           << "': " << r.modelFailure;
        return signalPassFailure();
      }
      if (!r.errors.empty()) {
        einsum.emitError() << "cannot search layer '" << layer.name
                           << "': " << joined(r.errors, "; ");
        ok = false;
      } else if (!r.found) {
        InFlightDiagnostic d = einsum.emitError() << "no valid mapping for layer '" << layer.name
                                                  << "' on '" << acc->getSymName() << "'";
        for (const std::string &why : r.diagnosis)
          d.attachNote() << why;
        ok = false;
      } else {
        einsum->setAttr(kMappingAttrName,
                        extract::toMappingAttr(ctx, r.mapping, layer.problem, layer.arch));
        einsum->setAttr(kCostAttrName,
                        extract::toCostAttr(ctx, r.report, layer.problem, layer.arch));
        einsum->setAttr(kSearchAttrName, searchAttr(ctx, r));
      }
    }
  if (!ok)
    signalPassFailure();
}

} // namespace

std::unique_ptr<Pass> createMapSearchPass(const MapSearchConfig &config) {
  return std::make_unique<MapSearchPass>(config);
}

} // namespace tessel::map
