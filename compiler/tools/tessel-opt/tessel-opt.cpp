//===- tessel-opt.cpp - mlir-opt style driver for tessel's dialects -------===//
// Parses, verifies, transforms and prints MLIR that uses tessel's dialects.
//===----------------------------------------------------------------------===//
#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "mlir/Transforms/Passes.h"
#include "tessel/Dialect/Arch/Transforms/Passes.h"
#include "tessel/Dialect/Map/IR/Map.h"
#include "tessel/Dialect/Map/Transforms/Passes.h"
#include "tessel/Dialect/Workload/Transforms/Passes.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  registry.insert<tessel::arch::ArchDialect, tessel::map::MapDialect,
                  tessel::wl::WorkloadDialect, mlir::func::FuncDialect, mlir::arith::ArithDialect,
                  mlir::linalg::LinalgDialect, mlir::tensor::TensorDialect,
                  mlir::affine::AffineDialect>();
  mlir::registerCanonicalizerPass();
  mlir::registerCSEPass();
  tessel::arch::registerArchPasses();
  tessel::wl::registerWorkloadPasses();
  tessel::map::registerMapPasses();
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "tessel optimizer driver\n", registry));
}
