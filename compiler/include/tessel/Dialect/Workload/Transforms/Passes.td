//===- Passes.td - wl dialect passes -------------------------*- tablegen -*-===//
// Lowering of named operators to wl.einsum and result-shape inference.
//===----------------------------------------------------------------------===//
#ifndef TESSEL_DIALECT_WORKLOAD_TRANSFORMS_PASSES_TD
#define TESSEL_DIALECT_WORKLOAD_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def WlLowerToEinsum : Pass<"wl-lower-to-einsum", "::tessel::wl::GraphOp"> {
  let summary = "Lower every MAC-bearing named operator to wl.einsum";
  let description = [{
    conv2d (stride, dilation, groups), depthwise_conv2d, matmul, batch_matmul, attention
    (its two matmuls around a wl.softmax), pooling (max/sum reductions with zero MACs) and
    embedding_bag (a gather-reduce einsum carrying its gathered bytes) become wl.einsum ops
    with one affine map per operand. Elementwise operators, softmax and data movement
    (flatten, reshape, concat) stay. The dims follow the DSL's einsum forms
    (dsl::OpInfo::einsums), so MAC counts are preserved exactly.
  }];
  let dependentDialects = ["::tessel::wl::WorkloadDialect"];
}

def WlInferShapes : Pass<"wl-infer-shapes", "::tessel::wl::GraphOp"> {
  let summary = "Refine dynamic result shapes of wl ops from their operands";
  let description = [{
    Walks the graph in order and replaces `?` dims of each result type by the shape the
    op's shape rule infers (conv output sizes, matmul N, concat sums, ...), so that later
    ops see static operands. Inconsistent operands are reported as errors at the op.
  }];
}

#endif // TESSEL_DIALECT_WORKLOAD_TRANSFORMS_PASSES_TD
