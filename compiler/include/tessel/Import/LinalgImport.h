//===- LinalgImport.h - linalg -> wl.einsum -> .wl --------------*- C++ -*-===//
// Converts linalg named ops and linalg.generic (any op with affine indexing maps) into a
// wl.graph of wl.einsum ops, and writes such a graph as a .wl workload.
//===----------------------------------------------------------------------===//
#ifndef TESSEL_IMPORT_LINALGIMPORT_H
#define TESSEL_IMPORT_LINALGIMPORT_H

#include "mlir/IR/BuiltinOps.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace mlir {
class DialectRegistry;
} // namespace mlir

namespace tessel::importer {

/// Registers the dialects linalg input uses (func, arith, linalg, tensor, affine).
void registerLinalgInputDialects(mlir::DialectRegistry &registry);

struct LinalgImportOptions {
  std::string name = "imported"; ///< the workload name
  bool strict = false;           ///< unsupported ops are errors instead of warnings
};

/// Appends a wl.graph to `dest` holding one wl.einsum per convertible linalg op of every
/// func.func in `src` (function arguments become wl.input). Every other op that computes
/// something is reported (warning, or error when strict) at its location and its name is
/// appended to `unsupported`; its tensor results become graph inputs so that consumers
/// still import. Structural ops (func.return, tensor.empty, arith.constant, linalg.fill)
/// are skipped silently. Fails on errors; the graph is verified.
mlir::FailureOr<mlir::Operation *> importLinalg(mlir::ModuleOp src, mlir::ModuleOp dest,
                                                const LinalgImportOptions &options,
                                                std::vector<std::string> &unsupported);

/// Writes a graph of wl.input, wl.weight and wl.einsum ops as a .wl workload using the
/// generic einsum syntax; fails (with a diagnostic at the op) on any other op or on an
/// index that is not a non-negative combination of dims plus a constant.
mlir::LogicalResult writeWl(mlir::Operation *graph, llvm::raw_ostream &os);

} // namespace tessel::importer

#endif // TESSEL_IMPORT_LINALGIMPORT_H
