//===- ArchDialect.td - the arch dialect definition ----------*- tablegen -*-===//
// The `arch` dialect: accelerators as storage levels, spatial arrays and compute units.
//===----------------------------------------------------------------------===//
#ifndef TESSEL_DIALECT_ARCH_IR_ARCHDIALECT_TD
#define TESSEL_DIALECT_ARCH_IR_ARCHDIALECT_TD

include "mlir/IR/OpBase.td"

def Arch_Dialect : Dialect {
  let name = "arch";
  let summary = "Accelerator architectures: storage hierarchy, spatial arrays, compute";
  let description = [{
    The `arch` dialect describes one accelerator imported from a `.hw` file: its sweepable
    parameters with their domains, the storage levels from DRAM inwards, spatial arrays with
    their networks and the compute units at the leaves. Physical values are typed
    `#arch.quantity` attributes in base units; values derived from parameters are
    `#arch.expr` attributes that `arch-bind-params` folds to quantities.
  }];
  let cppNamespace = "::tessel::arch";
  let useDefaultAttributePrinterParser = 1;
  let extraClassDeclaration = [{
    void registerAttributes();
  }];
}

class Arch_Op<string mnemonic, list<Trait> traits = []>
    : Op<Arch_Dialect, mnemonic, traits>;

#endif // TESSEL_DIALECT_ARCH_IR_ARCHDIALECT_TD
