// Biases on conv2d/depthwise_conv2d/matmul, wl.norm with a learned scale and shift,
// wl.slice and the new unary kinds: round trip, then lowering (a bias becomes an
// 'add' einsum after the MAC einsum; norms and slices stay named ops).
// RUN: tessel-opt %s | tessel-opt | FileCheck %s
// RUN: tessel-opt %s --pass-pipeline='builtin.module(wl.graph(wl-lower-to-einsum))' | FileCheck %s --check-prefix=LOWER

// CHECK-LABEL: wl.graph @g
wl.graph @g {
  %x = wl.input "x" : tensor<1x3x8x8xi8>
  %w = wl.weight "c.weight" : tensor<4x3x3x3xi8>
  %b = wl.weight "c.bias" : tensor<4xi8>
  // CHECK: wl.conv2d "c" %x, %c.weight bias %c.bias stride [1, 1] pad [1, 1] dilation [1, 1] groups 1 : tensor<1x3x8x8xi8>, tensor<4x3x3x3xi8>, tensor<4xi8> -> tensor<1x4x8x8xi8>
  %c = wl.conv2d "c" %x, %w bias %b stride [1, 1] pad [1, 1] dilation [1, 1] groups 1 : tensor<1x3x8x8xi8>, tensor<4x3x3x3xi8>, tensor<4xi8> -> tensor<1x4x8x8xi8>
  %dw = wl.weight "d.weight" : tensor<4x1x3x3xi8>
  %db = wl.weight "d.bias" : tensor<4xi8>
  // CHECK: wl.depthwise_conv2d "d" %c, %d.weight bias %d.bias stride [1, 1] pad [1, 1] dilation [1, 1] : tensor<1x4x8x8xi8>, tensor<4x1x3x3xi8>, tensor<4xi8> -> tensor<1x4x8x8xi8>
  %d = wl.depthwise_conv2d "d" %c, %dw bias %db stride [1, 1] pad [1, 1] dilation [1, 1] : tensor<1x4x8x8xi8>, tensor<4x1x3x3xi8>, tensor<4xi8> -> tensor<1x4x8x8xi8>
  %g = wl.weight "bn.scale" : tensor<4xi8>
  %s = wl.weight "bn.shift" : tensor<4xi8>
  // CHECK: wl.norm batchnorm "bn" %d scale %bn.scale shift %bn.shift axis 1 : tensor<1x4x8x8xi8> scale tensor<4xi8> shift tensor<4xi8> -> tensor<1x4x8x8xi8>
  %bn = wl.norm batchnorm "bn" %d scale %g shift %s axis 1 : tensor<1x4x8x8xi8> scale tensor<4xi8> shift tensor<4xi8> -> tensor<1x4x8x8xi8>
  // CHECK: wl.unary relu6 "r6" %bn
  %r6 = wl.unary relu6 "r6" %bn : tensor<1x4x8x8xi8> -> tensor<1x4x8x8xi8>
  // CHECK: wl.unary hardswish "hs" %r6
  %hs = wl.unary hardswish "hs" %r6 : tensor<1x4x8x8xi8> -> tensor<1x4x8x8xi8>
  // CHECK: wl.slice "row" %hs dim 2 start 7 size 1 : tensor<1x4x8x8xi8> -> tensor<1x4x1x8xi8>
  %row = wl.slice "row" %hs dim 2 start 7 size 1 : tensor<1x4x8x8xi8> -> tensor<1x4x1x8xi8>
  %t = wl.input "t" : tensor<2x5x16xf16>
  %rs = wl.weight "rms.scale" : tensor<16xf16>
  // CHECK: wl.norm rmsnorm "rms" %t scale %rms.scale axis 2 : tensor<2x5x16xf16> scale tensor<16xf16> -> tensor<2x5x16xf16>
  %rms = wl.norm rmsnorm "rms" %t scale %rs axis 2 : tensor<2x5x16xf16> scale tensor<16xf16> -> tensor<2x5x16xf16>
  // CHECK: wl.norm layernorm "ln" %rms axis 2 : tensor<2x5x16xf16> -> tensor<2x5x16xf16>
  %ln = wl.norm layernorm "ln" %rms axis 2 : tensor<2x5x16xf16> -> tensor<2x5x16xf16>
  %mw = wl.weight "fc.weight" : tensor<16x8xf16>
  %mb = wl.weight "fc.bias" : tensor<8xf16>
  // CHECK: wl.matmul "fc" %ln, %fc.weight bias %fc.bias : tensor<2x5x16xf16>, tensor<16x8xf16>, tensor<8xf16> -> tensor<2x5x8xf16>
  %fc = wl.matmul "fc" %ln, %mw bias %mb : tensor<2x5x16xf16>, tensor<16x8xf16>, tensor<8xf16> -> tensor<2x5x8xf16>
  %tw = wl.weight "fct.weight" : tensor<8x16xf16>
  // CHECK: wl.matmul "fct" %ln, %fct.weight bias %fc.bias transpose_b : tensor<2x5x16xf16>, tensor<8x16xf16>, tensor<8xf16> -> tensor<2x5x8xf16>
  %fct = wl.matmul "fct" %ln, %tw bias %mb transpose_b : tensor<2x5x16xf16>, tensor<8x16xf16>, tensor<8xf16> -> tensor<2x5x8xf16>
}

// The conv's MAC einsum keeps its label and MACs; the bias is added per output channel
// K (map (n, k, p, q) -> (k)) by an 'add' einsum without reduced dims or MACs.
// LOWER-DAG: #[[ID4:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// LOWER-DAG: #[[K:.*]] = affine_map<(d0, d1, d2, d3) -> (d1)>
// LOWER-DAG: #[[ID3:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// LOWER-DAG: #[[N:.*]] = affine_map<(d0, d1, d2) -> (d2)>
// LOWER: %[[C:.*]] = wl.einsum "c"(%x, %c.weight) {{.*}} combine mac macs 6912
// LOWER-NEXT: wl.einsum "c.add_bias"(%[[C]], %c.bias) dims ["N", "K", "P", "Q"] bounds [1, 4, 8, 8] reduce [] maps [#[[ID4]], #[[K]], #[[ID4]]] combine add macs 0
// LOWER: wl.einsum "d"({{.*}}) {{.*}} combine mac macs 2304
// LOWER-NEXT: wl.einsum "d.add_bias"
// LOWER: wl.norm batchnorm "bn"
// LOWER: wl.slice "row"
// The matmul's rows [2, 5] are the dims M0, M1 of the bias einsum; the bias follows N.
// LOWER: %[[FC:.*]] = wl.einsum "fc"({{.*}}) dims ["M", "N", "K"] bounds [10, 8, 16] {{.*}} combine mac macs 1280
// LOWER-NEXT: wl.einsum "fc.add_bias"(%[[FC]], %fc.bias) dims ["M0", "M1", "N"] bounds [2, 5, 8] reduce [] maps [#[[ID3]], #[[N]], #[[ID3]]] combine add macs 0
// LOWER: wl.einsum "fct.add_bias"
