//===- WorkloadAttrs.td - wl dialect enums -------------------*- tablegen -*-===//
// Kinds of elementwise, pooling and einsum operations.
//===----------------------------------------------------------------------===//
#ifndef TESSEL_DIALECT_WORKLOAD_IR_WORKLOADATTRS_TD
#define TESSEL_DIALECT_WORKLOAD_IR_WORKLOADATTRS_TD

include "tessel/Dialect/Workload/IR/WorkloadDialect.td"
include "mlir/IR/EnumAttr.td"

def Wl_UnaryKind : I32EnumAttr<"UnaryKind", "an elementwise unary operator", [
    I32EnumAttrCase<"Relu", 0, "relu">, I32EnumAttrCase<"Gelu", 1, "gelu">,
    I32EnumAttrCase<"Silu", 2, "silu">, I32EnumAttrCase<"Sigmoid", 3, "sigmoid">,
    I32EnumAttrCase<"Tanh", 4, "tanh">, I32EnumAttrCase<"Identity", 8, "identity">,
    I32EnumAttrCase<"Quantize", 9, "quantize">, I32EnumAttrCase<"Relu6", 10, "relu6">,
    I32EnumAttrCase<"LeakyRelu", 11, "leaky_relu">,
    I32EnumAttrCase<"Hardsigmoid", 12, "hardsigmoid">,
    I32EnumAttrCase<"Hardswish", 13, "hardswish">, I32EnumAttrCase<"Exp", 14, "exp">]> {
  let cppNamespace = "::tessel::wl";
}

def Wl_NormKind : I32EnumAttr<"NormKind", "a normalisation", [
    I32EnumAttrCase<"Batchnorm", 0, "batchnorm">, I32EnumAttrCase<"Layernorm", 1, "layernorm">,
    I32EnumAttrCase<"Rmsnorm", 2, "rmsnorm">]> {
  let cppNamespace = "::tessel::wl";
}

def Wl_BinaryKind : I32EnumAttr<"BinaryKind", "an elementwise binary operator", [
    I32EnumAttrCase<"Add", 0, "add">, I32EnumAttrCase<"Sub", 1, "sub">,
    I32EnumAttrCase<"Mul", 2, "mul">]> {
  let cppNamespace = "::tessel::wl";
}

def Wl_PoolKind : I32EnumAttr<"PoolKind", "a pooling reduction", [
    I32EnumAttrCase<"Max", 0, "max">, I32EnumAttrCase<"Avg", 1, "avg">]> {
  let cppNamespace = "::tessel::wl";
}

def Wl_CombineKind : I32EnumAttr<"CombineKind", "how an einsum combines its operands", [
    I32EnumAttrCase<"Mac", 0, "mac">, I32EnumAttrCase<"Max", 1, "max">,
    I32EnumAttrCase<"Sum", 2, "sum">, I32EnumAttrCase<"Gather", 3, "gather">,
    I32EnumAttrCase<"Add", 4, "add">]> {
  let cppNamespace = "::tessel::wl";
}

#endif // TESSEL_DIALECT_WORKLOAD_IR_WORKLOADATTRS_TD
