//===- Passes.h - arch dialect passes ---------------------------*- C++ -*-===//
// Declares arch-bind-params and its registration.
//===----------------------------------------------------------------------===//
#ifndef TESSEL_DIALECT_ARCH_TRANSFORMS_PASSES_H
#define TESSEL_DIALECT_ARCH_TRANSFORMS_PASSES_H

#include "mlir/Pass/Pass.h"
#include "tessel/Dialect/Arch/IR/Arch.h"

namespace tessel::arch {

#define GEN_PASS_DECL
#include "tessel/Dialect/Arch/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "tessel/Dialect/Arch/Transforms/Passes.h.inc"

} // namespace tessel::arch

#endif // TESSEL_DIALECT_ARCH_TRANSFORMS_PASSES_H
