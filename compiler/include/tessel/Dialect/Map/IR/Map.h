//===- Map.h - the map dialect ----------------------------------*- C++ -*-===//
// Declares the `map` dialect and its mapping and cost attributes.
//===----------------------------------------------------------------------===//
#ifndef TESSEL_DIALECT_MAP_IR_MAP_H
#define TESSEL_DIALECT_MAP_IR_MAP_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/DialectImplementation.h"
#include "tessel/Support/Number.h"

#include "tessel/Dialect/Map/IR/MapDialect.h.inc"

#define GET_ATTRDEF_CLASSES
#include "tessel/Dialect/Map/IR/MapAttrs.h.inc"

namespace tessel::map {

/// The names under which the map-search pass attaches a #map.mapping and a #map.cost.
inline constexpr llvm::StringLiteral kMappingAttrName("map.mapping");
inline constexpr llvm::StringLiteral kCostAttrName("map.cost");
/// How the search that produced an op's map.mapping ended: a dictionary with `status`
/// ("optimal": proven, gap 0; "stopped": a budget stopped branch and bound, `gap_percent`
/// says how far the bound is; "finished": random/anneal/exhaustive under a budget, not proven)
/// and `evaluations` (cost-model evaluations of the search).
inline constexpr llvm::StringLiteral kSearchAttrName("map.search");

} // namespace tessel::map

#endif // TESSEL_DIALECT_MAP_IR_MAP_H
