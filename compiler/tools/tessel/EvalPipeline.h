// The MLIR half of `tessel eval`: load, import, bind parameters, lower, pick the layer and
// extract the plain structs the cost models take. Errors are printed, never thrown.
#ifndef TESSEL_TOOLS_EVALPIPELINE_H
#define TESSEL_TOOLS_EVALPIPELINE_H

#include "tessel/Dialect/Arch/IR/Arch.h"
#include "tessel/Network/MapNetwork.h"
#include "tessel/cost/Arch.h"
#include "tessel/cost/Components.h"
#include "tessel/cost/Constraints.h"
#include "tessel/cost/Problem.h"
#include "tessel/dsl/HwModel.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tessel::importer {
class SourceDiagnosticHandler;
} // namespace tessel::importer

namespace tessel::cli {

struct LoadedInputs;

/// What to evaluate: one layer of one workload on one accelerator at one design point.
struct EvalRequest {
  std::string hwFile, wlFile, layer;
  /// Needed only when the file defines several accelerators / workloads hold the layer.
  std::optional<std::string> accelerator, workload;
  /// --param NAME=VALUE in order: accelerator parameters (with DSL units, checked against
  /// their domains by arch-bind-params) or workload parameters (plain numbers).
  std::vector<std::pair<std::string, std::string>> params;
  /// False: accelerator values outside the declared domain are accepted (a sweep whose
  /// --param replaced the domain; see arch-bind-params' check-domain).
  bool checkDomains = true;
  /// The command that prints the errors ("tessel map: error: ...").
  std::string command = "tessel eval";
};

/// The extracted layer and accelerator.
struct EvalInputs {
  cost::Problem problem;
  cost::Arch arch;
  cost::MapConstraints constraints;
  std::string accelerator, workload;
  /// The cost model the .hw names (`model`), the default for --cost-model.
  std::string hwCostModel;
  /// How often the workload runs the layer (`repeat`); figures are for one run.
  int64_t repeat = 1;
  /// Every accelerator parameter at the bound design point, e.g. {"glb", "884736 bits"}.
  std::vector<std::pair<std::string, std::string>> boundParams;
};

/// Runs the pipeline. On failure prints located diagnostics and "tessel eval: error: ..." lines
/// to `err` and returns false.
bool prepareEvaluation(const EvalRequest &request, const cost::ComponentLibrary &library,
                       EvalInputs &out, std::ostream &err);

/// Every MAC layer of the workload, extracted at the requested design point (request.layer is
/// ignored; request.workload chooses among several workloads).
struct NetworkInputs {
  std::vector<network::Layer> layers;
  std::string accelerator, workload;
  std::string hwCostModel;
  double clockHz = 0;
  std::vector<std::pair<std::string, std::string>> boundParams;
};

/// prepareEvaluation for all layers. On failure prints diagnostics to `err` and returns false.
bool prepareNetwork(const EvalRequest &request, const cost::ComponentLibrary &library,
                    NetworkInputs &out, std::ostream &err);

/// The imported module of a request with its accelerator bound (arch-bind-params at the
/// defaults or request.params) and every workload lowered to einsums. Diagnostics emitted on
/// `module` later are printed to the stream given to loadBindLower, located in the sources.
struct LoweredModule {
  LoweredModule();
  ~LoweredModule();
  std::unique_ptr<LoadedInputs> in;
  std::unique_ptr<mlir::MLIRContext> ctx;
  std::unique_ptr<importer::SourceDiagnosticHandler> handler;
  mlir::OwningOpRef<mlir::ModuleOp> module;
  arch::AcceleratorOp acc;
};

/// Loads, imports, binds and lowers (request.layer is ignored). On failure prints diagnostics
/// to `err` and returns false.
bool loadBindLower(const EvalRequest &request, LoweredModule &out, std::ostream &err);

/// The accelerator to use among the loaded ones: `name` when given, otherwise the only one
/// that `hwFile` defines (or the only one loaded). Null, after an error prefixed with
/// `command` ("tessel sweep") on `err`, when `name` is unknown or the choice is ambiguous.
const dsl::HwModel *chooseHwModel(const LoadedInputs &in, const std::string &hwFile,
                                  const std::optional<std::string> &name,
                                  const std::string &command, std::ostream &err);

} // namespace tessel::cli

#endif // TESSEL_TOOLS_EVALPIPELINE_H
