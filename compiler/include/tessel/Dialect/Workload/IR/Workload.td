//===- Workload.td - the wl dialect --------------------------*- tablegen -*-===//
// Umbrella file: includes the dialect, its attributes and its operations.
//===----------------------------------------------------------------------===//
#ifndef TESSEL_DIALECT_WORKLOAD_IR_WORKLOAD_TD
#define TESSEL_DIALECT_WORKLOAD_IR_WORKLOAD_TD

include "tessel/Dialect/Workload/IR/WorkloadDialect.td"
include "tessel/Dialect/Workload/IR/WorkloadAttrs.td"
include "tessel/Dialect/Workload/IR/WorkloadOps.td"

#endif // TESSEL_DIALECT_WORKLOAD_IR_WORKLOAD_TD
