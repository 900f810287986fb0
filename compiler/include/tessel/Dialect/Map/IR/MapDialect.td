//===- MapDialect.td - the map dialect definition ------------*- tablegen -*-===//
// The `map` dialect: mappings of einsums onto accelerators and their costs.
//===----------------------------------------------------------------------===//
#ifndef TESSEL_DIALECT_MAP_IR_MAPDIALECT_TD
#define TESSEL_DIALECT_MAP_IR_MAPDIALECT_TD

include "mlir/IR/OpBase.td"

def Map_Dialect : Dialect {
  let name = "map";
  let summary = "Mappings of einsums onto accelerators, and their costs";
  let description = [{
    The `map` dialect holds the result of mapping search as attributes attached to
    `wl.einsum` ops: `#map.mapping` (per storage level: temporal loops in order with their
    factors, spatial loops on the x and y axes, kept and bypassed tensors) and `#map.cost`
    (cycles, utilisation, energy per level and tensor, area), under the names `map.mapping`
    and `map.cost`. On an op with `dims` and `bounds` (a `wl.einsum`) the dialect verifies
    that the mapping's dims are the op's and that each dim's factors cover its bound.
  }];
  let cppNamespace = "::tessel::map";
  let useDefaultAttributePrinterParser = 1;
  let hasOperationAttrVerify = 1;
  let extraClassDeclaration = [{
    void registerAttributes();
  }];
}

#endif // TESSEL_DIALECT_MAP_IR_MAPDIALECT_TD
