// RUN: tessel-opt %s --pass-pipeline='builtin.module(wl.graph(wl-lower-to-einsum))' -split-input-file | FileCheck %s

// CHECK-DAG: #[[CIN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d2, d3 * 2 + d5 * 2 - 3, d4 * 2 + d6 * 2 - 3)>
// CHECK-DAG: #[[CW:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d1, d2, d5, d6)>
// CHECK-DAG: #[[COUT:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1, d3, d4)>
// CHECK-LABEL: wl.graph @conv
// CHECK: wl.einsum "c"(%x, %w) dims ["N", "K", "C", "P", "Q", "R", "S"] bounds [1, 8, 3, 17, 17, 3, 3] reduce ["C", "R", "S"] maps [#[[CIN]], #[[CW]], #[[COUT]]] combine mac macs 62424
wl.graph @conv {
  %x = wl.input "x" : tensor<1x3x32x32xi8>
  %w = wl.weight "w" : tensor<8x3x3x3xi8>
  %c = wl.conv2d "c" %x, %w stride [2, 2] pad [3, 3] dilation [2, 2] groups 1 : tensor<1x3x32x32xi8>, tensor<8x3x3x3xi8> -> tensor<1x8x17x17xi8>
}

// -----

// Grouped and depthwise convolutions get a G dim; channels are g * C/G + c.
// CHECK-DAG: #[[GIN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d1, d0 * 4 + d3, d4 + d6, d5 + d7)>
// CHECK-DAG: #[[GW:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d0 * 2 + d2, d3, d6, d7)>
// CHECK-LABEL: wl.graph @grouped
// CHECK: wl.einsum "g"(%x, %w) dims ["G", "N", "K", "C", "P", "Q", "R", "S"] bounds [2, 1, 2, 4, 6, 6, 3, 3] reduce ["C", "R", "S"] maps [#[[GIN]], #[[GW]], #{{.*}}] combine mac macs 5184
// CHECK: wl.einsum "dw"(%x, %dw_w) dims ["G", "N", "K", "C", "P", "Q", "R", "S"] bounds [8, 1, 1, 1, 8, 8, 1, 1] {{.*}} macs 512
wl.graph @grouped {
  %x = wl.input "x" : tensor<1x8x8x8xi8>
  %w = wl.weight "w" : tensor<4x4x3x3xi8>
  %g = wl.conv2d "g" %x, %w stride [1, 1] pad [0, 0] dilation [1, 1] groups 2 : tensor<1x8x8x8xi8>, tensor<4x4x3x3xi8> -> tensor<1x4x6x6xi8>
  %dw_w = wl.weight "dw_w" : tensor<8x1x1x1xi8>
  %dw = wl.depthwise_conv2d "dw" %x, %dw_w stride [1, 1] pad [0, 0] dilation [1, 1] : tensor<1x8x8x8xi8>, tensor<8x1x1x1xi8> -> tensor<1x8x8x8xi8>
}

// -----

// CHECK-LABEL: wl.graph @mm
// CHECK: wl.einsum "fc"(%x, %w) dims ["M", "N", "K"] bounds [6, 10, 4] reduce ["K"] maps [#{{.*}}, #{{.*}}, #{{.*}}] combine mac macs 240 : (tensor<2x3x4xf32>, tensor<4x10xf32>) -> tensor<2x3x10xf32>
// CHECK: wl.einsum "bmm"(%x, %b) dims ["B", "M", "N", "K"] bounds [2, 3, 5, 4] reduce ["K"] {{.*}} macs 120
wl.graph @mm {
  %x = wl.input "x" : tensor<2x3x4xf32>
  %w = wl.weight "w" : tensor<4x10xf32>
  %fc = wl.matmul "fc" %x, %w : tensor<2x3x4xf32>, tensor<4x10xf32> -> tensor<2x3x10xf32>
  %b = wl.input "b" : tensor<2x5x4xf32>
  %bmm = wl.batch_matmul "bmm" %x, %b transpose_b : tensor<2x3x4xf32>, tensor<2x5x4xf32> -> tensor<2x3x5xf32>
}

// -----

// Attention: scores einsum, softmax, context einsum; 2 * B * H * S * L * D MACs.
// CHECK-LABEL: wl.graph @attn
// CHECK: %[[S:.*]] = wl.einsum "attn.scores"(%q, %k) dims ["B", "H", "G", "S", "L", "D"] bounds [1, 2, 2, 16, 16, 8] reduce ["D"] {{.*}} macs 8192 {{.*}} -> tensor<1x4x16x16xf16>
// CHECK: %[[P:.*]] = wl.softmax "attn.p" %[[S]] axis 3
// CHECK: wl.einsum "attn.context"(%[[P]], %k) dims ["B", "H", "G", "S", "D", "L"] bounds [1, 2, 2, 16, 8, 16] reduce ["L"] {{.*}} macs 8192 {{.*}} -> tensor<1x16x32xf16>
wl.graph @attn {
  %q = wl.input "q" : tensor<1x16x32xf16>
  %k = wl.input "k" : tensor<1x16x16xf16>
  %a = wl.attention "attn" %q, %k, %k heads 4 kv_heads 2 head_dim 8 : tensor<1x16x32xf16>, tensor<1x16x16xf16>, tensor<1x16x16xf16> -> tensor<1x16x32xf16>
}

// -----

// Pooling reduces a window with zero MACs; embedding_bag gathers rows and carries bytes.
// CHECK-LABEL: wl.graph @misc
// CHECK: wl.einsum "p"(%x) dims ["N", "C", "P", "Q", "R", "S"] bounds [1, 8, 4, 4, 2, 2] reduce ["R", "S"] {{.*}} combine max macs 0
// CHECK: wl.einsum "g"(%x) dims ["N", "C", "H", "W"] bounds [1, 8, 8, 8] reduce ["H", "W"] {{.*}} combine sum macs 0
// CHECK: wl.einsum "e"(%t) dims ["B", "T", "P", "D"] bounds [2, 2, 4, 16] reduce ["P"] {{.*}} combine gather macs 0 bytes 1024
// CHECK: %[[T0:.*]] = wl.einsum "u.t0"(%t) dims ["B", "P", "D"] bounds [2, 4, 16] {{.*}} bytes 512
// CHECK: %[[T1:.*]] = wl.einsum "u.t1"(%t) dims ["B", "P", "D"] bounds [2, 8, 16] {{.*}} bytes 1024
// CHECK: wl.concat "u" %[[T0]], %[[T1]] axis 1
wl.graph @misc {
  %x = wl.input "x" : tensor<1x8x8x8xi8>
  %p = wl.pool max "p" %x kernel [2, 2] stride [2, 2] pad [0, 0] : tensor<1x8x8x8xi8> -> tensor<1x8x4x4xi8>
  %g = wl.global_avgpool "g" %x : tensor<1x8x8x8xi8> -> tensor<1x8x1x1xi8>
  %t = wl.weight "t" : tensor<300x16xf32>
  %e = wl.embedding_bag "e" %t batch 2 dim 16 rows [100, 200] pooling [4, 4] : tensor<300x16xf32> -> tensor<2x32xf32>
  %u = wl.embedding_bag "u" %t batch 2 dim 16 rows [100, 200] pooling [4, 8] : tensor<300x16xf32> -> tensor<2x32xf32>
}
