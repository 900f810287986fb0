//===- Workload.h - the wl dialect ------------------------------*- C++ -*-===//
// Declares the `wl` dialect, its enums, its operations and shape inference.
//===----------------------------------------------------------------------===//
#ifndef TESSEL_DIALECT_WORKLOAD_IR_WORKLOAD_H
#define TESSEL_DIALECT_WORKLOAD_IR_WORKLOAD_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "tessel/Dialect/Workload/IR/WorkloadDialect.h"

#include "tessel/Dialect/Workload/IR/WorkloadEnums.h.inc"

namespace tessel::wl {
/// Names the first result of `op` after its `label` attribute.
void setLabelResultName(mlir::Operation *op, mlir::OpAsmSetValueNameFn setNameFn);
} // namespace tessel::wl

#define GET_OP_CLASSES
#include "tessel/Dialect/Workload/IR/WorkloadOps.h.inc"

namespace tessel::wl {

/// The result shape of a named wl op computed from its operands and attributes.
/// Returns std::nullopt when an operand shape is not static yet, and a failure with
/// `why` set when the operands and attributes are inconsistent.
mlir::FailureOr<std::optional<llvm::SmallVector<int64_t>>>
inferResultShape(mlir::Operation *op, std::string &why);

/// Verifies `op`'s declared result type against inferResultShape (dynamic dims match
/// anything); emits the error on `op`.
mlir::LogicalResult verifyResultShape(mlir::Operation *op);

} // namespace tessel::wl

#endif // TESSEL_DIALECT_WORKLOAD_IR_WORKLOAD_H
