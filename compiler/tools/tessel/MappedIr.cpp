// `tessel eval --mapping FILE.mlir`: the mapping map-search attached to one einsum.
#include "MappedIr.h"

#include "tessel/Dialect/Arch/IR/Arch.h"
#include "tessel/Dialect/Workload/IR/Workload.h"
#include "tessel/Extract/MapAttrs.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_os_ostream.h"

#include <ostream>

namespace tessel::cli {

std::optional<cost::Mapping> readMappedIr(const std::string &path, const std::string &layer,
                                          const std::optional<std::string> &workload,
                                          const cost::Problem &problem, const cost::Arch &arch,
                                          std::ostream &err) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buffer) {
    err << "tessel eval: error: cannot read mapping file '" << path << "'\n";
    return std::nullopt;
  }
  llvm::SourceMgr sm;
  sm.AddNewSourceBuffer(std::move(*buffer), llvm::SMLoc());
  mlir::MLIRContext ctx;
  ctx.loadDialect<arch::ArchDialect, wl::WorkloadDialect, map::MapDialect>();
  ctx.printOpOnDiagnostic(false);
  llvm::raw_os_ostream os(err);
  mlir::SourceMgrDiagnosticHandler handler(sm, &ctx, os);
  mlir::OwningOpRef<mlir::ModuleOp> module = mlir::parseSourceFile<mlir::ModuleOp>(sm, &ctx);
  if (!module)
    return std::nullopt;

  std::vector<wl::EinsumOp> found;
  std::string layers;
  module->walk([&](wl::EinsumOp e) {
    auto graph = e->getParentOfType<wl::GraphOp>();
    if (workload && (!graph || graph.getSymName() != *workload))
      return;
    if (e->hasAttr(map::kMappingAttrName))
      layers += (layers.empty() ? "" : ", ") + e.getLabel().str();
    if (e.getLabel() == layer)
      found.push_back(e);
  });
  if (found.empty()) {
    os << path << ": error: no wl.einsum labelled '" << layer << "'"
       << (workload ? " in workload '" + *workload + "'" : std::string())
       << (layers.empty() ? " (the file holds no mapped einsum)"
                          : " (mapped einsums: " + layers + ")")
       << "\n";
    return std::nullopt;
  }
  if (found.size() > 1) {
    found[1].emitError() << "layer '" << layer
                         << "' appears in several workloads; choose one with --workload NAME";
    return std::nullopt;
  }
  wl::EinsumOp einsum = found.front();
  auto attr = einsum->getAttrOfType<map::MappingAttr>(map::kMappingAttrName);
  if (!attr) {
    einsum.emitError() << "layer '" << layer << "' has no " << map::kMappingAttrName
                       << " (write the file with 'tessel compile ... --emit=mapped')";
    return std::nullopt;
  }
  mlir::FailureOr<cost::Mapping> mapping =
      extract::extractMapping(attr, problem, arch, [&] { return einsum.emitError(); });
  if (mlir::failed(mapping))
    return std::nullopt;
  return *mapping;
}

} // namespace tessel::cli
