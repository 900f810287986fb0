//===- MapAttrs.h - cost::Mapping and reports <-> map attributes -*- C++ -*-===//
// Converts a searched mapping and its cost report into #map.mapping / #map.cost (levels,
// dims and tensors by name) and reads a #map.mapping back into a cost::Mapping.
//===----------------------------------------------------------------------===//
#ifndef TESSEL_EXTRACT_MAPATTRS_H
#define TESSEL_EXTRACT_MAPATTRS_H

#include "tessel/Dialect/Map/IR/Map.h"
#include "tessel/cost/CostReport.h"

namespace tessel::extract {

/// `mapping` of `problem` on `arch` as a #map.mapping: one #map.level per storage level,
/// outermost first, with its temporal loops in order, its spatial loops per axis, the tensors
/// it keeps and the tensors it bypasses (by the Problem's tensor names).
map::MappingAttr toMappingAttr(mlir::MLIRContext *ctx, const cost::Mapping &mapping,
                               const cost::Problem &problem, const cost::Arch &arch);

/// A valid `report` as a #map.cost: cycles, utilisation, total energy (pJ), total area (um2)
/// and, per level, the energy of each tensor accessed there.
map::CostAttr toCostAttr(mlir::MLIRContext *ctx, const cost::CostReport &report,
                         const cost::Problem &problem, const cost::Arch &arch);

/// The cost::Mapping `attr` describes for `problem` on `arch`, matching levels, dims and
/// tensors by name (a level not listed has no loops and no bypass; spatial loops are laid x
/// first, then y, which no count depends on). A non-empty `keep` list must name exactly the
/// tensors the level keeps under the bypasses. Fails after reporting through `emitError`.
mlir::FailureOr<cost::Mapping>
extractMapping(map::MappingAttr attr, const cost::Problem &problem, const cost::Arch &arch,
               llvm::function_ref<mlir::InFlightDiagnostic()> emitError);

} // namespace tessel::extract

#endif // TESSEL_EXTRACT_MAPATTRS_H
