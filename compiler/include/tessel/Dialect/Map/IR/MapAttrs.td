//===- MapAttrs.td - map dialect attributes ------------------*- tablegen -*-===//
// Per-level loop nests, whole mappings and cost summaries.
//===----------------------------------------------------------------------===//
#ifndef TESSEL_DIALECT_MAP_IR_MAPATTRS_TD
#define TESSEL_DIALECT_MAP_IR_MAPATTRS_TD

include "tessel/Dialect/Map/IR/MapDialect.td"
include "tessel/Support/Number.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/BuiltinAttributes.td"

class Map_Attr<string name, string attrMnemonic> : AttrDef<Map_Dialect, name> {
  let mnemonic = attrMnemonic;
}

def Map_LevelAttr : Map_Attr<"Level", "level"> {
  let summary = "The loops and tensors of one storage level";
  let description = [{
    Temporal loops are listed outermost first as `dim = factor`; spatial loops are split
    over the x and y axes of the array below the level. Empty lists are omitted when
    printed. `keep` and `bypass` name tensors of the einsum (its operands' labels and its
    own), as the mapping JSON does: tensor roles would not tell apart the two inputs of an
    attention or batch_matmul einsum.

    ```mlir
    #map.level<"GLB" temporal [K = 4, C = 2] spatial_x [S = 3] spatial_y [Q = 14]
               keep [x, conv1] bypass ["conv1.weight"]>
    ```
  }];
  let parameters = (ins "::mlir::StringAttr":$name,
                        "::mlir::ArrayAttr":$temporal_dims,
                        ArrayRefParameter<"int64_t">:$temporal_factors,
                        "::mlir::ArrayAttr":$x_dims, ArrayRefParameter<"int64_t">:$x_factors,
                        "::mlir::ArrayAttr":$y_dims, ArrayRefParameter<"int64_t">:$y_factors,
                        "::mlir::ArrayAttr":$keep, "::mlir::ArrayAttr":$bypass);
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
}

def Map_MappingAttr : Map_Attr<"Mapping", "mapping"> {
  let summary = "A mapping: one #map.level per storage level, outermost first";
  let description = [{
    ```mlir
    #map.mapping<[#map.level<"DRAM" temporal [K = 2] keep [input, weight, output]>,
                  #map.level<"PE" spatial_x [C = 4] keep [weight]>]>
    ```
    The verifier checks that level names are unique.
  }];
  let parameters = (ins "::mlir::ArrayAttr":$levels);
  let assemblyFormat = "`<` $levels `>`";
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// The product of the factors of `dim` over every level and axis.
    int64_t totalFactor(::llvm::StringRef dim) const;
  }];
}

def Map_CostAttr : Map_Attr<"Cost", "cost"> {
  let summary = "The cost of one mapped einsum";
  let description = [{
    `energy` is in pJ and `area` in um2; `breakdown` maps each level name to the energy
    (pJ) per tensor.

    ```mlir
    #map.cost<cycles = 1000, utilization = 0.75, energy = 2500.5, area = 120000,
              breakdown = {GLB = {x = 10.5 : f64, conv1 = 4.0 : f64}}>
    ```
  }];
  let parameters = (ins "int64_t":$cycles, Tessel_NumberParameter:$utilization,
                        Tessel_NumberParameter:$energy, Tessel_NumberParameter:$area,
                        "::mlir::DictionaryAttr":$breakdown);
  let assemblyFormat = "`<` struct(params) `>`";
  let genVerifyDecl = 1;
}

#endif // TESSEL_DIALECT_MAP_IR_MAPATTRS_TD
