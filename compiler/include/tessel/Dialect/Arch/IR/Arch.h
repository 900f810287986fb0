//===- Arch.h - the arch dialect --------------------------------*- C++ -*-===//
// Declares the `arch` dialect, its attributes and its operations.
//===----------------------------------------------------------------------===//
#ifndef TESSEL_DIALECT_ARCH_IR_ARCH_H
#define TESSEL_DIALECT_ARCH_IR_ARCH_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/SymbolTable.h"
#include "tessel/Support/Number.h"

#include "tessel/Dialect/Arch/IR/ArchDialect.h.inc"
#include "tessel/Dialect/Arch/IR/ArchEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "tessel/Dialect/Arch/IR/ArchAttrs.h.inc"

#define GET_OP_CLASSES
#include "tessel/Dialect/Arch/IR/ArchOps.h.inc"

namespace tessel::arch {

/// Discardable `arch.accelerator` attribute set by the importer: a dictionary from param
/// name to the fields (strings such as "memory @GLB banks") that were computed from the
/// param as constants at its default. arch-bind-params rejects another value for them.
inline constexpr llvm::StringLiteral kConstantParamUsesAttr = "arch.constant_param_uses";

/// The parameters of `acc` in declaration order.
llvm::SmallVector<ParamOp> getParams(AcceleratorOp acc);

/// The unit of a value attribute (quantity or expression), or std::nullopt.
std::optional<Unit> unitOf(mlir::Attribute value);

/// The current numeric value of a quantity, or of an expression evaluated with the
/// parameters' current values in `acc`.
mlir::FailureOr<double> valueOf(mlir::Attribute value, AcceleratorOp acc);

} // namespace tessel::arch

#endif // TESSEL_DIALECT_ARCH_IR_ARCH_H
