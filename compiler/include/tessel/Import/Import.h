//===- Import.h - checked .hw/.wl models to MLIR ----------------*- C++ -*-===//
// Builds arch.accelerator and wl.graph ops from the DSL's checked models, with
// FileLineColLoc locations into the source files, and renders MLIR diagnostics in the
// front end's `file:line:col: error:` + source line + caret style.
//===----------------------------------------------------------------------===//
#ifndef TESSEL_IMPORT_IMPORT_H
#define TESSEL_IMPORT_IMPORT_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/OwningOpRef.h"
#include "tessel/dsl/HwModel.h"
#include "tessel/dsl/WlModel.h"

#include <iosfwd>

namespace mlir {
class DialectRegistry;
class OpBuilder;
} // namespace mlir

namespace tessel::importer {

/// Registers the arch, wl and map dialects.
void registerTesselDialects(mlir::DialectRegistry &registry);

/// The location of `range` (its first character), or an unknown location.
mlir::Location toLocation(mlir::MLIRContext *ctx, const dsl::SourceManager &sm,
                          dsl::SourceRange range);

/// The factor from a DSL param of dimension `dim` (base units) to its `arch.param` value:
/// 1 for bits, Hz and dimensions without an arch unit (kept in base units), 1e12 for J -> pJ,
/// `wordBits` for words -> bits.
double paramScale(const dsl::Dim &dim, int64_t wordBits);

/// Appends an `arch.accelerator` for `hw` at the builder's insertion point. Sizes and
/// array dimensions written as parameter expressions become `#arch.expr` attributes.
mlir::Operation *importAccelerator(mlir::OpBuilder &builder, const dsl::SourceManager &sm,
                                   const dsl::HwModel &hw);

/// Appends a `wl.graph` for `wl` at the builder's insertion point. Fails (with an MLIR
/// diagnostic at the operator) on an operator kind the importer does not know.
mlir::FailureOr<mlir::Operation *> importWorkload(mlir::OpBuilder &builder,
                                                  const dsl::SourceManager &sm,
                                                  const dsl::WlModel &wl);

/// A verified module holding every accelerator then every workload, or null after
/// reporting the errors as MLIR diagnostics.
mlir::OwningOpRef<mlir::ModuleOp> importModels(mlir::MLIRContext *ctx,
                                               const dsl::SourceManager &sm,
                                               const std::vector<dsl::HwModel> &hw,
                                               const std::vector<dsl::WlModel> &wl);

/// Prints every MLIR diagnostic as the DSL front end does: `file:line:col: error: msg`,
/// the source line and a caret when the location is in a file of `sm`; plain
/// `error: msg` otherwise. Notes attached to a diagnostic follow it.
class SourceDiagnosticHandler : public mlir::ScopedDiagnosticHandler {
public:
  SourceDiagnosticHandler(mlir::MLIRContext *ctx, const dsl::SourceManager &sm,
                          std::ostream &os, bool color = false);
  unsigned errorCount() const { return errors; }

private:
  void emit(mlir::Diagnostic &diag);
  const dsl::SourceManager &sm;
  std::ostream &os;
  bool color;
  unsigned errors = 0;
};

} // namespace tessel::importer

#endif // TESSEL_IMPORT_IMPORT_H
