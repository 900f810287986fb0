//===- ArchAttrs.td - arch dialect attributes ----------------*- tablegen -*-===//
// Typed physical quantities, parameter-derived expressions and parameter domains.
//===----------------------------------------------------------------------===//
#ifndef TESSEL_DIALECT_ARCH_IR_ARCHATTRS_TD
#define TESSEL_DIALECT_ARCH_IR_ARCHATTRS_TD

include "tessel/Dialect/Arch/IR/ArchDialect.td"
include "tessel/Support/Number.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"
include "mlir/IR/BuiltinAttributes.td"

def Arch_UnitEnum : I32EnumAttr<"Unit", "the unit of an arch quantity", [
    I32EnumAttrCase<"Count", 0, "count">,
    I32EnumAttrCase<"Bits", 1, "bits">,
    I32EnumAttrCase<"Hz", 2, "hz">,
    I32EnumAttrCase<"PJ", 3, "pj">,
    I32EnumAttrCase<"Um2", 4, "um2">,
    I32EnumAttrCase<"BitsPerCycle", 5, "bits_per_cycle">,
    I32EnumAttrCase<"MW", 6, "mw">,
    I32EnumAttrCase<"Nm", 7, "nm">]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::tessel::arch";
}

class Arch_Attr<string name, string attrMnemonic, list<Trait> traits = []>
    : AttrDef<Arch_Dialect, name, traits> {
  let mnemonic = attrMnemonic;
}

def Arch_QuantityAttr : Arch_Attr<"Quantity", "quantity"> {
  let summary = "A physical value with its unit";
  let description = [{
    A non-negative real number in one of the arch units: `count`, `bits`, `hz`, `pj`,
    `um2`, `bits_per_cycle`, `mw`, `nm`. Sizes are in bits (108 KiB = 884736 bits).

    ```mlir
    #arch.quantity<884736 bits>
    #arch.quantity<2.0e+08 hz>
    #arch.quantity<0.2077 pj>
    ```
  }];
  let parameters = (ins Tessel_NumberParameter:$value, EnumParameter<Arch_UnitEnum>:$unit);
  let assemblyFormat = "`<` $value $unit `>`";
  let genVerifyDecl = 1;
}

def Arch_ExprAttr : Arch_Attr<"Expr", "expr"> {
  let summary = "A value derived from accelerator parameters";
  let description = [{
    An affine expression over the accelerator's `arch.param`s (symbol `s<i>` is the i-th
    parameter of the list), in base units. `arch-bind-params` evaluates it with the bound
    parameter values and replaces it by a `#arch.quantity`.

    ```mlir
    #arch.expr<bits, ()[s0] -> (s0 * 2), [@glb]>
    ```
  }];
  let parameters = (ins EnumParameter<Arch_UnitEnum>:$unit, "::mlir::AffineMap":$map,
                        "::mlir::ArrayAttr":$params);
  let assemblyFormat = "`<` $unit `,` $map `,` $params `>`";
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// Evaluates the expression with one value per parameter; fails on a non-integral
    /// parameter value or a division by zero.
    ::mlir::FailureOr<double> evaluate(::llvm::ArrayRef<double> paramValues) const;
  }];
}

def Arch_SetDomainAttr : Arch_Attr<"SetDomain", "set"> {
  let summary = "A parameter domain given as a finite set of values";
  let description = [{
    ```mlir
    #arch.set<[8, 12, 16] count>
    ```
  }];
  let parameters = (ins Tessel_NumberListParameter:$values, EnumParameter<Arch_UnitEnum>:$unit);
  let assemblyFormat = "`<` $values $unit `>`";
  let genVerifyDecl = 1;
}

def Arch_RangeDomainAttr : Arch_Attr<"RangeDomain", "range"> {
  let summary = "A parameter domain given as a range with a step";
  let description = [{
    `lo` to `hi` inclusive; a step of 0 means continuous.

    ```mlir
    #arch.range<524288 to 2097152 step 262144 bits>
    ```
  }];
  let parameters = (ins Tessel_NumberParameter:$lo, Tessel_NumberParameter:$hi,
                        Tessel_NumberParameter:$step, EnumParameter<Arch_UnitEnum>:$unit);
  let assemblyFormat = "`<` $lo `to` $hi `step` $step $unit `>`";
  let genVerifyDecl = 1;
}

def Arch_ValueAttr : AnyAttrOf<[Arch_QuantityAttr, Arch_ExprAttr]>;
def Arch_DomainAttr : AnyAttrOf<[Arch_SetDomainAttr, Arch_RangeDomainAttr]>;

#endif // TESSEL_DIALECT_ARCH_IR_ARCHATTRS_TD
