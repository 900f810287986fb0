//===- WorkloadDialect.cpp - the wl dialect -------------------------------===//
// Registers the `wl` dialect's operations.
//===----------------------------------------------------------------------===//
#include "tessel/Dialect/Workload/IR/Workload.h"

using namespace tessel::wl;

#include "tessel/Dialect/Workload/IR/WorkloadDialect.cpp.inc"
#include "tessel/Dialect/Workload/IR/WorkloadEnums.cpp.inc"

void WorkloadDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "tessel/Dialect/Workload/IR/WorkloadOps.cpp.inc"
      >();
}

void tessel::wl::setLabelResultName(mlir::Operation *op, mlir::OpAsmSetValueNameFn setNameFn) {
  auto label = op->getAttrOfType<mlir::StringAttr>("label");
  if (label && op->getNumResults() == 1 && !label.getValue().empty())
    setNameFn(op->getResult(0), label.getValue());
}
