//===- WorkloadDialect.cpp - the wl dialect -------------------------------===//
// Registers the `wl` dialect's operations, attributes and types.
//===----------------------------------------------------------------------===//
#include "tessel/Dialect/Workload/IR/WorkloadDialect.h"

using namespace tessel::wl;

#include "tessel/Dialect/Workload/IR/WorkloadDialect.cpp.inc"

void WorkloadDialect::initialize() {}
