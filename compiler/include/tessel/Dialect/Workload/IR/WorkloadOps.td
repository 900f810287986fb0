//===- WorkloadOps.td - wl dialect operations ----------------*- tablegen -*-===//
// The graph container, graph inputs/weights, named DSL operators and wl.einsum.
//===----------------------------------------------------------------------===//
#ifndef TESSEL_DIALECT_WORKLOAD_IR_WORKLOADOPS_TD
#define TESSEL_DIALECT_WORKLOAD_IR_WORKLOADOPS_TD

include "tessel/Dialect/Workload/IR/WorkloadAttrs.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/IR/BuiltinAttributes.td"
include "mlir/IR/CommonAttrConstraints.td"
include "mlir/IR/CommonTypeConstraints.td"

def Wl_GraphOp : Wl_Op<"graph", [Symbol, NoTerminator, SingleBlock, IsolatedFromAbove]> {
  let summary = "A workload graph";
  let description = [{
    The ops of one `.wl` workload in program order. The graph has no outputs, so wl ops
    are deliberately not `Pure`: otherwise every op would be trivially dead. Every value is a ranked tensor; the
    DSL label of each statement is kept in the `label` of the op that defines it.

    ```mlir
    wl.graph @mlp {
      %x = wl.input "x" : tensor<8x512xi8>
      %w = wl.weight "fc.weight" : tensor<512x256xi8>
      %fc = wl.matmul "fc" %x, %w : tensor<8x512xi8>, tensor<512x256xi8> -> tensor<8x256xi8>
    }
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = "$sym_name attr-dict-with-keyword $body";
  let hasVerifier = 1;
}

class Wl_SourceOp<string mnemonic, string what> : Wl_Op<mnemonic> {
  let summary = "A graph " # what # " tensor";
  let arguments = (ins StrAttr:$label);
  let results = (outs AnyRankedTensor:$result);
  let assemblyFormat = "$label attr-dict `:` type($result)";
  let hasVerifier = 1;
}

def Wl_InputOp : Wl_SourceOp<"input", "input"> {
  let description = [{
    A tensor declared with `tensor x[...] dtype;` (or an attention KV cache).

    ```mlir
    %image = wl.input "image" : tensor<1x3x224x224xi8>
    ```
  }];
}

def Wl_WeightOp : Wl_SourceOp<"weight", "weight"> {
  let description = [{
    A weight tensor, explicit or created implicitly by a named operator (`conv1.weight`).

    ```mlir
    %w = wl.weight "conv1.weight" : tensor<64x3x7x7xi8>
    ```
  }];
}

def Wl_Conv2DOp : Wl_Op<"conv2d"> {
  let summary = "2-D convolution (NCHW input, KCRS weight) with stride, dilation and groups";
  let description = [{
    `pad` is symmetric per spatial axis; the weight has C/groups input channels. The
    optional `bias` `[K]` is added to every output element of its channel (no MACs).

    ```mlir
    %c = wl.conv2d "conv1" %x, %w bias %b stride [2, 2] pad [3, 3] dilation [1, 1] groups 1
        : tensor<1x3x224x224xi8>, tensor<64x3x7x7xi8>, tensor<64xi8> -> tensor<1x64x112x112xi8>
    ```
  }];
  let arguments = (ins StrAttr:$label, AnyRankedTensor:$input, AnyRankedTensor:$weight,
                       Optional<AnyRankedTensor>:$bias,
                       DenseI64ArrayAttr:$stride, DenseI64ArrayAttr:$pad,
                       DenseI64ArrayAttr:$dilation, I64Attr:$groups);
  let results = (outs AnyRankedTensor:$result);
  let assemblyFormat = [{
    $label $input `,` $weight (`bias` $bias^)? `stride` $stride `pad` $pad
    `dilation` $dilation `groups` $groups attr-dict
    `:` type($input) `,` type($weight) (`,` type($bias)^)? `->` type($result)
  }];
  let hasVerifier = 1;
}

def Wl_DepthwiseConv2DOp : Wl_Op<"depthwise_conv2d"> {
  let summary = "Depthwise 2-D convolution (groups = input channels)";
  let description = [{
    Each input channel is convolved with `multiplier` filters; the weight is
    `[C * multiplier, 1, R, S]`; the optional `bias` is `[C * multiplier]`.

    ```mlir
    %d = wl.depthwise_conv2d "dw" %x, %w stride [1, 1] pad [1, 1] dilation [1, 1]
        : tensor<1x32x112x112xi8>, tensor<32x1x3x3xi8> -> tensor<1x32x112x112xi8>
    ```
  }];
  let arguments = (ins StrAttr:$label, AnyRankedTensor:$input, AnyRankedTensor:$weight,
                       Optional<AnyRankedTensor>:$bias,
                       DenseI64ArrayAttr:$stride, DenseI64ArrayAttr:$pad,
                       DenseI64ArrayAttr:$dilation);
  let results = (outs AnyRankedTensor:$result);
  let assemblyFormat = [{
    $label $input `,` $weight (`bias` $bias^)? `stride` $stride `pad` $pad
    `dilation` $dilation attr-dict
    `:` type($input) `,` type($weight) (`,` type($bias)^)? `->` type($result)
  }];
  let hasVerifier = 1;
}

def Wl_MatmulOp : Wl_Op<"matmul"> {
  let summary = "Matrix product over the last axis of the lhs";
  let description = [{
    The lhs `[..., K]` is flattened to `[M, K]`; the rhs is `[K, N]` (or `[N, K]` with
    `transpose_b`); the result is the lhs shape with the last axis replaced by N. The
    optional `bias` `[N]` is added to every row (no MACs).

    ```mlir
    %y = wl.matmul "fc" %x, %w bias %b
        : tensor<1x2048xi8>, tensor<2048x1000xi8>, tensor<1000xi8> -> tensor<1x1000xi8>
    ```
  }];
  let arguments = (ins StrAttr:$label, AnyRankedTensor:$lhs, AnyRankedTensor:$rhs,
                       Optional<AnyRankedTensor>:$bias, UnitAttr:$transpose_b);
  let results = (outs AnyRankedTensor:$result);
  let assemblyFormat = [{
    $label $lhs `,` $rhs (`bias` $bias^)? (`transpose_b` $transpose_b^)? attr-dict
    `:` type($lhs) `,` type($rhs) (`,` type($bias)^)? `->` type($result)
  }];
  let hasVerifier = 1;
}

def Wl_BatchMatmulOp : Wl_Op<"batch_matmul"> {
  let summary = "Batched matrix product over equal leading axes";
  let description = [{
    ```mlir
    %y = wl.batch_matmul "bmm" %a, %b
        : tensor<12x128x64xf16>, tensor<12x64x128xf16> -> tensor<12x128x128xf16>
    ```
  }];
  let arguments = (ins StrAttr:$label, AnyRankedTensor:$lhs, AnyRankedTensor:$rhs,
                       UnitAttr:$transpose_b);
  let results = (outs AnyRankedTensor:$result);
  let assemblyFormat = [{
    $label $lhs `,` $rhs (`transpose_b` $transpose_b^)? attr-dict
    `:` type($lhs) `,` type($rhs) `->` type($result)
  }];
  let hasVerifier = 1;
}

def Wl_AttentionOp : Wl_Op<"attention"> {
  let summary = "Multi-head (grouped-query) attention: softmax(Q K^T) V";
  let description = [{
    `query` is `[B, S, heads * head_dim]`, `keys`/`values` are `[B, L, kv_heads * head_dim]`.
    Lowers to two batched einsums around a `wl.softmax`.

    ```mlir
    %a = wl.attention "attn" %q, %k, %v heads 12 kv_heads 12 head_dim 64
        : tensor<1x128x768xf16>, tensor<1x128x768xf16>, tensor<1x128x768xf16>
          -> tensor<1x128x768xf16>
    ```
  }];
  let arguments = (ins StrAttr:$label, AnyRankedTensor:$query, AnyRankedTensor:$keys,
                       AnyRankedTensor:$values, I64Attr:$heads, I64Attr:$kv_heads,
                       I64Attr:$head_dim);
  let results = (outs AnyRankedTensor:$result);
  let assemblyFormat = [{
    $label $query `,` $keys `,` $values `heads` $heads `kv_heads` $kv_heads
    `head_dim` $head_dim attr-dict `:` type($query) `,` type($keys) `,` type($values)
    `->` type($result)
  }];
  let hasVerifier = 1;
}

def Wl_UnaryOp : Wl_Op<"unary"> {
  let summary = "An elementwise unary operator (activation, normalisation, quantize)";
  let description = [{
    ```mlir
    %r = wl.unary relu "conv1_relu" %c : tensor<1x64x112x112xi8> -> tensor<1x64x112x112xi8>
    ```
  }];
  let arguments = (ins Wl_UnaryKind:$kind, StrAttr:$label, AnyRankedTensor:$input);
  let results = (outs AnyRankedTensor:$result);
  let assemblyFormat = "$kind $label $input attr-dict `:` type($input) `->` type($result)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Wl_NormOp : Wl_Op<"norm", [AttrSizedOperandSegments]> {
  let summary = "Batch, layer or RMS normalisation with an optional learned scale and shift";
  let description = [{
    Normalises along `axis` groups of the input (batchnorm: per channel, axis 1 of NCHW;
    layernorm and rmsnorm: over the last axis, `axis` = rank - 1), then multiplies by
    `scale` and adds `shift` when present; both are `[input dim at axis]`.

    ```mlir
    %n = wl.norm layernorm "ln" %x scale %g shift %b axis 2
        : tensor<1x128x768xf16> scale tensor<768xf16> shift tensor<768xf16>
          -> tensor<1x128x768xf16>
    ```
  }];
  let arguments = (ins Wl_NormKind:$kind, StrAttr:$label, AnyRankedTensor:$input,
                       Optional<AnyRankedTensor>:$scale, Optional<AnyRankedTensor>:$shift,
                       I64Attr:$axis);
  let results = (outs AnyRankedTensor:$result);
  let assemblyFormat = [{
    $kind $label $input (`scale` $scale^)? (`shift` $shift^)? `axis` $axis attr-dict
    `:` type($input) (`scale` type($scale)^)? (`shift` type($shift)^)? `->` type($result)
  }];
  let hasVerifier = 1;
}

def Wl_BinaryOp : Wl_Op<"binary"> {
  let summary = "An elementwise binary operator on equal shapes";
  let description = [{
    ```mlir
    %s = wl.binary add "res" %a, %b : tensor<1x256x56x56xi8>, tensor<1x256x56x56xi8>
        -> tensor<1x256x56x56xi8>
    ```
  }];
  let arguments = (ins Wl_BinaryKind:$kind, StrAttr:$label, AnyRankedTensor:$lhs,
                       AnyRankedTensor:$rhs);
  let results = (outs AnyRankedTensor:$result);
  let assemblyFormat = [{
    $kind $label $lhs `,` $rhs attr-dict `:` type($lhs) `,` type($rhs) `->` type($result)
  }];
  let hasVerifier = 1;
}

def Wl_SoftmaxOp : Wl_Op<"softmax"> {
  let summary = "Softmax along one axis";
  let description = [{
    ```mlir
    %p = wl.softmax "probs" %s axis 3 : tensor<1x12x128x128xf16> -> tensor<1x12x128x128xf16>
    ```
  }];
  let arguments = (ins StrAttr:$label, AnyRankedTensor:$input, I64Attr:$axis);
  let results = (outs AnyRankedTensor:$result);
  let assemblyFormat = "$label $input `axis` $axis attr-dict `:` type($input) `->` type($result)";
  let hasVerifier = 1;
}

def Wl_PoolOp : Wl_Op<"pool"> {
  let summary = "Windowed max or average pooling over the two spatial axes of NCHW";
  let description = [{
    ```mlir
    %p = wl.pool max "pool1" %x kernel [3, 3] stride [2, 2] pad [1, 1]
        : tensor<1x64x112x112xi8> -> tensor<1x64x56x56xi8>
    ```
  }];
  let arguments = (ins Wl_PoolKind:$kind, StrAttr:$label, AnyRankedTensor:$input,
                       DenseI64ArrayAttr:$kernel, DenseI64ArrayAttr:$stride,
                       DenseI64ArrayAttr:$pad);
  let results = (outs AnyRankedTensor:$result);
  let assemblyFormat = [{
    $kind $label $input `kernel` $kernel `stride` $stride `pad` $pad attr-dict
    `:` type($input) `->` type($result)
  }];
  let hasVerifier = 1;
}

def Wl_GlobalAvgPoolOp : Wl_Op<"global_avgpool"> {
  let summary = "Average over the whole spatial extent of NCHW";
  let description = [{
    ```mlir
    %g = wl.global_avgpool "gap" %x : tensor<1x2048x7x7xi8> -> tensor<1x2048x1x1xi8>
    ```
  }];
  let arguments = (ins StrAttr:$label, AnyRankedTensor:$input);
  let results = (outs AnyRankedTensor:$result);
  let assemblyFormat = "$label $input attr-dict `:` type($input) `->` type($result)";
  let hasVerifier = 1;
}

def Wl_EmbeddingBagOp : Wl_Op<"embedding_bag"> {
  let summary = "Sum of gathered embedding rows, per table and batch element";
  let description = [{
    `tables` holds all tables' rows stacked (`[sum(rows), dim]`); each of the `batch` samples
    gathers `pooling[t]` rows of table t and sums them. The result is `[batch, T * dim]`.

    ```mlir
    %e = wl.embedding_bag "emb" %t batch 2 dim 16 rows [100, 200] pooling [4, 8]
        : tensor<300x16xf32> -> tensor<2x32xf32>
    ```
  }];
  let arguments = (ins StrAttr:$label, AnyRankedTensor:$tables, I64Attr:$batch, I64Attr:$dim,
                       DenseI64ArrayAttr:$rows, DenseI64ArrayAttr:$pooling);
  let results = (outs AnyRankedTensor:$result);
  let assemblyFormat = [{
    $label $tables `batch` $batch `dim` $dim `rows` $rows `pooling` $pooling attr-dict
    `:` type($tables) `->` type($result)
  }];
  let hasVerifier = 1;
}

def Wl_FlattenOp : Wl_Op<"flatten"> {
  let summary = "Collapse every axis after the first";
  let description = [{
    ```mlir
    %f = wl.flatten "flat" %x : tensor<1x2048x1x1xi8> -> tensor<1x2048xi8>
    ```
  }];
  let arguments = (ins StrAttr:$label, AnyRankedTensor:$input);
  let results = (outs AnyRankedTensor:$result);
  let assemblyFormat = "$label $input attr-dict `:` type($input) `->` type($result)";
  let hasVerifier = 1;
}

def Wl_ReshapeOp : Wl_Op<"reshape"> {
  let summary = "Reshape to a result type with the same element count";
  let description = [{
    ```mlir
    %r = wl.reshape "r" %x : tensor<1x128x768xf16> -> tensor<128x768xf16>
    ```
  }];
  let arguments = (ins StrAttr:$label, AnyRankedTensor:$input);
  let results = (outs AnyRankedTensor:$result);
  let assemblyFormat = "$label $input attr-dict `:` type($input) `->` type($result)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Wl_SliceOp : Wl_Op<"slice"> {
  let summary = "The `size` consecutive entries from `start` along axis `dim`";
  let description = [{
    ```mlir
    %last = wl.slice "last" %h dim 1 start 127 size 1
        : tensor<1x128x768xf16> -> tensor<1x1x768xf16>
    ```
  }];
  let arguments = (ins StrAttr:$label, AnyRankedTensor:$input, I64Attr:$dim, I64Attr:$start,
                       I64Attr:$size);
  let results = (outs AnyRankedTensor:$result);
  let assemblyFormat = [{
    $label $input `dim` $dim `start` $start `size` $size attr-dict
    `:` type($input) `->` type($result)
  }];
  let hasVerifier = 1;
}

def Wl_ConcatOp : Wl_Op<"concat"> {
  let summary = "Concatenation along one axis";
  let description = [{
    ```mlir
    %c = wl.concat "cat" %a, %b axis 1 : tensor<1x64x8x8xi8>, tensor<1x32x8x8xi8>
        -> tensor<1x96x8x8xi8>
    ```
  }];
  let arguments = (ins StrAttr:$label, Variadic<AnyRankedTensor>:$inputs, I64Attr:$axis);
  let results = (outs AnyRankedTensor:$result);
  let assemblyFormat = "$label $inputs `axis` $axis attr-dict `:` type($inputs) `->` type($result)";
  let hasVerifier = 1;
}

def Wl_EinsumOp : Wl_Op<"einsum"> {
  let summary = "A perfectly nested affine loop nest combining operands into one output";
  let description = [{
    `dims` names the iteration dimensions with their `bounds`; `maps` holds one affine
    map per input and a last one for the output, from the dims to tensor indices
    (constant offsets model padding; the `gather` kind marks a data-dependent first
    index of the input). `reduce` lists the dims that do not index the output.
    `combine` is `mac` (output += product of inputs), `max`/`sum` (a reduction of one
    input), `gather`, or `add` (output = sum of the inputs, no reduction: a bias added
    to a MAC result, broadcast through its map). `macs` is the product of the bounds
    for `mac` and 0 otherwise; the verifier checks it. `bytes` carries extra memory
    traffic (embedding gathers).

    ```mlir
    %y = wl.einsum "fc" (%x, %w) dims ["M", "N", "K"] bounds [1, 1000, 2048] reduce ["K"]
        maps [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d2, d1)>,
              affine_map<(d0, d1, d2) -> (d0, d1)>]
        combine mac macs 2048000 : (tensor<1x2048xi8>, tensor<2048x1000xi8>) -> tensor<1x1000xi8>
    ```
  }];
  let arguments = (ins StrAttr:$label, Variadic<AnyRankedTensor>:$inputs, StrArrayAttr:$dims,
                       DenseI64ArrayAttr:$bounds, StrArrayAttr:$reduce,
                       AffineMapArrayAttr:$maps, Wl_CombineKind:$combine, I64Attr:$macs,
                       OptionalAttr<I64Attr>:$bytes);
  let results = (outs AnyRankedTensor:$result);
  let assemblyFormat = [{
    $label `(` $inputs `)` `dims` $dims `bounds` $bounds `reduce` $reduce `maps` $maps
    `combine` $combine `macs` $macs (`bytes` $bytes^)? attr-dict
    `:` functional-type($inputs, $result)
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// The MAC count implied by the dims: product of bounds for `mac`, else 0.
    int64_t computeMacs();
  }];
}

#endif // TESSEL_DIALECT_WORKLOAD_IR_WORKLOADOPS_TD
