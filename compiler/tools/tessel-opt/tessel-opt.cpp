//===- tessel-opt.cpp - mlir-opt style driver for tessel's dialects -------===//
// Parses, verifies, transforms and prints MLIR that uses tessel's dialects.
//===----------------------------------------------------------------------===//
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "tessel/Dialect/Workload/IR/WorkloadDialect.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  registry.insert<tessel::wl::WorkloadDialect, mlir::func::FuncDialect>();
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "tessel optimizer driver\n", registry));
}
