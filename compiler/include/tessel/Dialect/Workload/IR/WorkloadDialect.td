//===- WorkloadDialect.td - the wl dialect definition -------*- tablegen -*-===//
// The `wl` dialect: workload graphs of named tensor operators and einsums.
//===----------------------------------------------------------------------===//
#ifndef TESSEL_DIALECT_WORKLOAD_IR_WORKLOADDIALECT_TD
#define TESSEL_DIALECT_WORKLOAD_IR_WORKLOADDIALECT_TD

include "mlir/IR/OpBase.td"

def Workload_Dialect : Dialect {
  let name = "wl";
  let summary = "Workload graphs: named tensor operators and einsums";
  let description = [{
    The `wl` dialect holds a workload graph imported from a `.wl` file or from linalg: tensors
    with shapes and element types, named operators (conv2d, matmul, attention, ...) and
    `wl.einsum`, the affine form every named operator lowers to before mapping search.
  }];
  let cppNamespace = "::tessel::wl";
}

#endif // TESSEL_DIALECT_WORKLOAD_IR_WORKLOADDIALECT_TD
