//===- WorkloadDialect.h - the wl dialect -----------------------*- C++ -*-===//
// Declares the `wl` dialect class generated from WorkloadDialect.td.
//===----------------------------------------------------------------------===//
#ifndef TESSEL_DIALECT_WORKLOAD_IR_WORKLOADDIALECT_H
#define TESSEL_DIALECT_WORKLOAD_IR_WORKLOADDIALECT_H

#include "mlir/IR/Dialect.h"

#include "tessel/Dialect/Workload/IR/WorkloadDialect.h.inc"

#endif // TESSEL_DIALECT_WORKLOAD_IR_WORKLOADDIALECT_H
