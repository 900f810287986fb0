//===- WorkloadDialect.td - the wl dialect definition -------*- tablegen -*-===//
// The `wl` dialect: workload graphs of named tensor operators and einsums.
//===----------------------------------------------------------------------===//
#ifndef TESSEL_DIALECT_WORKLOAD_IR_WORKLOADDIALECT_TD
#define TESSEL_DIALECT_WORKLOAD_IR_WORKLOADDIALECT_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/OpAsmInterface.td"

def Workload_Dialect : Dialect {
  let name = "wl";
  let summary = "Workload graphs: named tensor operators and einsums";
  let description = [{
    The `wl` dialect holds a workload graph imported from a `.wl` file or from linalg: tensors
    (builtin ranked tensor types) with shapes and element types, named operators (conv2d, matmul, attention, ...) and
    `wl.einsum`, the affine form every named operator lowers to before mapping search.
  }];
  let cppNamespace = "::tessel::wl";
}

class Wl_Op<string mnemonic, list<Trait> traits = []>
    : Op<Workload_Dialect, mnemonic,
         !listconcat(traits, [DeclareOpInterfaceMethods<OpAsmOpInterface,
                                                        ["getAsmResultNames"]>])> {
  // Results print as `%<label>` of the DSL statement that defined them.
  let extraClassDefinition = [{
    void $cppClass::getAsmResultNames(::mlir::OpAsmSetValueNameFn setNameFn) {
      ::tessel::wl::setLabelResultName(getOperation(), setNameFn);
    }
  }];
}

#endif // TESSEL_DIALECT_WORKLOAD_IR_WORKLOADDIALECT_TD
