//===- Passes.h - wl dialect passes -----------------------------*- C++ -*-===//
// Declares wl-lower-to-einsum and wl-infer-shapes and their registration.
//===----------------------------------------------------------------------===//
#ifndef TESSEL_DIALECT_WORKLOAD_TRANSFORMS_PASSES_H
#define TESSEL_DIALECT_WORKLOAD_TRANSFORMS_PASSES_H

#include "mlir/Pass/Pass.h"
#include "tessel/Dialect/Workload/IR/Workload.h"

namespace tessel::wl {

#define GEN_PASS_DECL
#include "tessel/Dialect/Workload/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "tessel/Dialect/Workload/Transforms/Passes.h.inc"

} // namespace tessel::wl

#endif // TESSEL_DIALECT_WORKLOAD_TRANSFORMS_PASSES_H
