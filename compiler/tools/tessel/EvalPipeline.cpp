// `tessel eval` up to the cost model: .hw/.wl -> MLIR -> bound, lowered -> extracted structs.
#include "EvalPipeline.h"
#include "Frontend.h"
#include "HwParamValues.h"

#include "tessel/Dialect/Arch/Transforms/Passes.h"
#include "tessel/Dialect/Workload/Transforms/Passes.h"
#include "tessel/Extract/Extract.h"
#include "tessel/Import/Import.h"
#include "tessel/Network/ExtractNetwork.h"
#include "tessel/Support/Number.h"
#include "tessel/dsl/Diagnostics.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"

#include <cstdlib>
#include <memory>
#include <ostream>
#include <set>

namespace tessel::cli {

namespace {

std::string joined(const std::vector<std::string> &names) {
  std::string out;
  for (const std::string &n : names)
    out += (out.empty() ? "" : ", ") + n;
  return out;
}

/// Prints "unknown WHAT 'NAME'" with a suggestion among `known`.
void unknown(std::ostream &err, const std::string &command, const std::string &what,
             const std::string &name, const std::vector<std::string> &known,
             const std::string &otherwise) {
  err << command << ": error: unknown " << what << " '" << name << "'\n";
  std::string best = dsl::closestMatch(name, known);
  if (!best.empty())
    err << "hint: did you mean '" << best << "'?\n";
  else
    err << "hint: " << otherwise << '\n';
}

} // namespace

const dsl::HwModel *chooseHwModel(const LoadedInputs &in, const std::string &hwFile,
                                  const std::optional<std::string> &name,
                                  const std::string &command, std::ostream &err) {
  std::vector<std::string> all, fromFile;
  for (const dsl::HwModel &m : in.hw) {
    all.push_back(m.name);
    if (m.file == hwFile)
      fromFile.push_back(m.name);
  }
  if (fromFile.empty())
    fromFile = all;
  std::string chosen;
  if (name) {
    if (std::find(all.begin(), all.end(), *name) == all.end()) {
      unknown(err, command, "accelerator", *name, all, "accelerators are: " + joined(all));
      return nullptr;
    }
    chosen = *name;
  } else if (fromFile.size() == 1) {
    chosen = fromFile[0];
  } else {
    err << command << ": error: '" << hwFile << "' defines the accelerators " << joined(fromFile)
        << "\nhint: choose one with --accelerator NAME\n";
    return nullptr;
  }
  for (const dsl::HwModel &m : in.hw)
    if (m.name == chosen)
      return &m;
  return nullptr;
}

namespace {

/// Splits --param values into accelerator values and workload overrides.
/// Only `hw`'s params are accelerator params: another accelerator of the same .hw may declare a
/// param of the same name with another domain.
bool splitParams(const EvalRequest &request, const LoadedInputs &in, const dsl::HwModel &hw,
                 std::vector<std::pair<std::string, std::string>> &hwValues,
                 dsl::ParamOverrides &wlOverrides, std::ostream &err) {
  std::set<std::string> hwNames, wlNames;
  for (const dsl::ParamInfo &p : hw.params)
    hwNames.insert(p.name);
  for (const dsl::WlModel &m : in.wl)
    for (const dsl::ParamInfo &p : m.params)
      wlNames.insert(p.name);
  for (const auto &[name, value] : request.params) {
    bool hw = hwNames.count(name), wl = wlNames.count(name);
    if (!hw && !wl) {
      std::vector<std::string> known(hwNames.begin(), hwNames.end());
      known.insert(known.end(), wlNames.begin(), wlNames.end());
      unknown(err, request.command, "parameter", name, known,
              known.empty() ? "the .hw and .wl declare no parameters"
                            : "parameters are: " + joined(known));
      return false;
    }
    if (hw)
      hwValues.emplace_back(name, value);
    if (wl) {
      char *end = nullptr;
      double v = std::strtod(value.c_str(), &end);
      if (value.empty() || *end) {
        err << request.command << ": error: workload parameter '" << name
            << "' needs a plain number, got '" << value << "'\n";
        return false;
      }
      wlOverrides[name] = v;
    }
  }
  return true;
}

/// The imported accelerator `name` (chosen by chooseHwModel).
mlir::FailureOr<arch::AcceleratorOp> selectAccelerator(const EvalRequest &request,
                                                       const std::string &name,
                                                       mlir::ModuleOp module, std::ostream &err) {
  for (arch::AcceleratorOp acc : module.getOps<arch::AcceleratorOp>())
    if (acc.getSymName() == name)
      return acc;
  err << request.command << ": error: accelerator '" << name << "' was not imported\n";
  return mlir::failure();
}

/// The op labelled `request.layer` (in the chosen workload), or failure after printing why.
mlir::FailureOr<mlir::Operation *> selectLayer(const EvalRequest &request,
                                               mlir::ModuleOp module, EvalInputs &out,
                                               std::ostream &err) {
  std::vector<std::string> graphs, macLayers, holders;
  mlir::Operation *found = nullptr;
  for (wl::GraphOp g : module.getOps<wl::GraphOp>())
    graphs.push_back(g.getSymName().str());
  if (request.workload &&
      std::find(graphs.begin(), graphs.end(), *request.workload) == graphs.end()) {
    unknown(err, request.command, "workload", *request.workload, graphs,
            "workloads are: " + joined(graphs));
    return mlir::failure();
  }
  for (wl::GraphOp g : module.getOps<wl::GraphOp>()) {
    if (request.workload && g.getSymName() != *request.workload)
      continue;
    for (mlir::Operation &op : g.getBody().front()) {
      auto label = op.getAttrOfType<mlir::StringAttr>("label");
      if (!label)
        continue;
      if (auto e = llvm::dyn_cast<wl::EinsumOp>(op); e && e.getMacs() > 0)
        macLayers.push_back(label.str());
      if (label.getValue() != request.layer)
        continue;
      holders.push_back(g.getSymName().str());
      found = &op;
      out.workload = g.getSymName().str();
    }
  }
  if (holders.empty()) {
    unknown(err, request.command, "layer", request.layer, macLayers,
            "'tessel compile " + request.wlFile + " --emit=einsum' lists the layers");
    return mlir::failure();
  }
  if (holders.size() > 1) {
    err << request.command << ": error: layer '" << request.layer << "' is in the workloads "
        << joined(holders) << "\nhint: choose one with --workload NAME\n";
    return mlir::failure();
  }
  if (!llvm::isa<wl::EinsumOp>(found)) {
    found->emitError() << "layer '" << request.layer << "' is a '"
                       << found->getName().getStringRef() << "' op without MACs; tessel eval "
                       << "evaluates MAC einsums";
    return mlir::failure();
  }
  return found;
}

} // namespace

LoweredModule::LoweredModule() = default;
LoweredModule::~LoweredModule() = default;

bool loadBindLower(const EvalRequest &request, LoweredModule &low, std::ostream &err) {
  std::vector<std::string> files = {request.hwFile, request.wlFile};
  auto in = std::make_unique<LoadedInputs>();
  if (!loadInputs(files, *in, err))
    return false;
  std::vector<std::pair<std::string, std::string>> hwValues;
  dsl::ParamOverrides overrides, hwOverrides;
  const dsl::HwModel *hw =
      chooseHwModel(*in, request.hwFile, request.accelerator, request.command, err);
  if (!hw)
    return false;
  const std::string accelerator = hw->name; // `in` is replaced below
  if (!splitParams(request, *in, *hw, hwValues, overrides, err) ||
      !hwParamOverrides(hwValues, request.checkDomains, *hw, *in, hwOverrides, err))
    return false;
  // The .hw is checked again at the design point, so that every field (banks, compute
  // units, B/s bandwidths, min/max, ...) follows its params, not only the #arch.expr ones.
  overrides.insert(hwOverrides.begin(), hwOverrides.end());
  if (!overrides.empty()) {
    in = std::make_unique<LoadedInputs>();
    if (!loadInputs(files, *in, err, overrides))
      return false;
    // A sweep whose --param replaced a domain binds values outside the declared one.
    for (dsl::HwModel &m : in->hw)
      for (dsl::ParamInfo &p : m.params)
        if (!p.inDomain(p.value.value))
          p.domainKind = dsl::ParamInfo::DomainKind::None;
  }

  low.ctx = std::make_unique<mlir::MLIRContext>();
  mlir::MLIRContext &ctx = *low.ctx;
  ctx.printOpOnDiagnostic(false);
  low.handler =
      std::make_unique<importer::SourceDiagnosticHandler>(&ctx, in->sm, err, useColor());
  low.module = importer::importModels(&ctx, in->sm, in->hw, in->wl);
  if (!low.module)
    return false;
  mlir::ModuleOp module = *low.module;
  mlir::FailureOr<arch::AcceleratorOp> acc = selectAccelerator(request, accelerator, module, err);
  if (mlir::failed(acc))
    return false;
  // The imported params hold the point's values: binding folds the #arch.exprs.
  mlir::PassManager bind(&ctx, arch::AcceleratorOp::getOperationName());
  bind.addPass(arch::createArchBindParams(arch::ArchBindParamsOptions{"", true}));
  if (mlir::failed(bind.run(*acc)))
    return false;
  mlir::PassManager lower(&ctx);
  lower.addNestedPass<wl::GraphOp>(wl::createWlLowerToEinsum());
  if (mlir::failed(lower.run(module)))
    return false;
  low.acc = *acc;
  low.in = std::move(in);
  return true;
}

namespace {

std::vector<std::pair<std::string, std::string>> boundParams(arch::AcceleratorOp acc) {
  std::vector<std::pair<std::string, std::string>> out;
  for (arch::ParamOp p : arch::getParams(acc)) {
    arch::QuantityAttr q = p.getValue();
    std::string text = formatNumber(q.getValue());
    if (q.getUnit() != arch::Unit::Count)
      text += " " + arch::stringifyUnit(q.getUnit()).str();
    out.emplace_back(p.getSymName().str(), text);
  }
  return out;
}

} // namespace

bool prepareNetwork(const EvalRequest &request, const cost::ComponentLibrary &library,
                    NetworkInputs &out, std::ostream &err) {
  LoweredModule low;
  if (!loadBindLower(request, low, err))
    return false;
  std::vector<std::string> graphs;
  for (wl::GraphOp g : low.module->getOps<wl::GraphOp>())
    graphs.push_back(g.getSymName().str());
  wl::GraphOp graph;
  for (wl::GraphOp g : low.module->getOps<wl::GraphOp>())
    if (request.workload ? g.getSymName() == *request.workload : !graph)
      graph = g;
  if (!graph) {
    unknown(err, request.command, "workload", request.workload.value_or(""), graphs,
            graphs.empty() ? "the .wl defines no workload" : "workloads are: " + joined(graphs));
    return false;
  }
  if (!request.workload && graphs.size() > 1) {
    err << "tessel: error: the .wl defines the workloads " << joined(graphs)
        << "\nhint: choose one with --workload NAME\n";
    return false;
  }
  mlir::FailureOr<std::vector<network::Layer>> layers =
      network::extractNetwork(low.acc, graph, library);
  if (mlir::failed(layers))
    return false;
  out.layers = std::move(*layers);
  out.accelerator = low.acc.getSymName().str();
  out.workload = graph.getSymName().str();
  out.hwCostModel = low.acc.getCostModel().str();
  mlir::FailureOr<double> clock = low.acc.boundClockHz();
  if (mlir::failed(clock))
    return false;
  out.clockHz = *clock;
  out.boundParams = boundParams(low.acc);
  return true;
}

bool prepareEvaluation(const EvalRequest &request, const cost::ComponentLibrary &library,
                       EvalInputs &out, std::ostream &err) {
  LoweredModule low;
  if (!loadBindLower(request, low, err))
    return false;
  mlir::FailureOr<mlir::Operation *> layer = selectLayer(request, *low.module, out, err);
  if (mlir::failed(layer))
    return false;

  auto einsum = llvm::cast<wl::EinsumOp>(*layer);
  arch::AcceleratorOp acc = low.acc;
  mlir::FailureOr<extract::Extraction> x = extract::extract(acc, einsum, library);
  if (mlir::failed(x))
    return false;
  out.problem = std::move(x->problem);
  out.arch = std::move(x->arch);
  out.constraints = std::move(x->constraints);
  out.accelerator = acc.getSymName().str();
  out.hwCostModel = acc.getCostModel().str();
  if (auto count = einsum->getAttrOfType<mlir::IntegerAttr>("count"))
    out.repeat = count.getInt();
  out.boundParams = boundParams(acc);
  return true;
}

} // namespace tessel::cli
