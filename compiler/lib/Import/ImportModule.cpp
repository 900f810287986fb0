//===- ImportModule.cpp - a verified module from checked models -----------===//
// Puts every accelerator and workload into one module and verifies it.
//===----------------------------------------------------------------------===//
#include "tessel/Dialect/Arch/IR/Arch.h"
#include "tessel/Dialect/Map/IR/Map.h"
#include "tessel/Dialect/Workload/IR/Workload.h"
#include "tessel/Import/Import.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/Verifier.h"

using namespace mlir;

namespace tessel::importer {

void registerTesselDialects(DialectRegistry &registry) {
  registry.insert<arch::ArchDialect, wl::WorkloadDialect, map::MapDialect>();
}

OwningOpRef<ModuleOp> importModels(MLIRContext *ctx, const dsl::SourceManager &sm,
                                   const std::vector<dsl::HwModel> &hw,
                                   const std::vector<dsl::WlModel> &wl) {
  ctx->loadDialect<arch::ArchDialect, wl::WorkloadDialect, map::MapDialect>();
  OpBuilder b(ctx);
  OwningOpRef<ModuleOp> module = ModuleOp::create(b.getUnknownLoc());
  b.setInsertionPointToEnd(module->getBody());
  for (const dsl::HwModel &h : hw)
    importAccelerator(b, sm, h);
  for (const dsl::WlModel &w : wl)
    if (failed(importWorkload(b, sm, w)))
      return nullptr;
  if (failed(verify(*module)))
    return nullptr;
  return module;
}

} // namespace tessel::importer
