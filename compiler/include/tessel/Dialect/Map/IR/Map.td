//===- Map.td - the map dialect ------------------------------*- tablegen -*-===//
// Umbrella file: includes the dialect and its attributes (the dialect has no ops).
//===----------------------------------------------------------------------===//
#ifndef TESSEL_DIALECT_MAP_IR_MAP_TD
#define TESSEL_DIALECT_MAP_IR_MAP_TD

include "tessel/Dialect/Map/IR/MapDialect.td"
include "tessel/Dialect/Map/IR/MapAttrs.td"

#endif // TESSEL_DIALECT_MAP_IR_MAP_TD
