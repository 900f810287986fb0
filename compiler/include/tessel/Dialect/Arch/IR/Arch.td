//===- Arch.td - the arch dialect ----------------------------*- tablegen -*-===//
// Umbrella file: includes the dialect, its attributes and its operations.
//===----------------------------------------------------------------------===//
#ifndef TESSEL_DIALECT_ARCH_IR_ARCH_TD
#define TESSEL_DIALECT_ARCH_IR_ARCH_TD

include "tessel/Dialect/Arch/IR/ArchDialect.td"
include "tessel/Dialect/Arch/IR/ArchAttrs.td"
include "tessel/Dialect/Arch/IR/ArchOps.td"

#endif // TESSEL_DIALECT_ARCH_IR_ARCH_TD
