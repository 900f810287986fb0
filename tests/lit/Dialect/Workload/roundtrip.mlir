// RUN: tessel-opt %s | tessel-opt | FileCheck %s

// CHECK-LABEL: wl.graph @all
wl.graph @all {
  // CHECK: %image = wl.input "image" : tensor<1x3x32x32xi8>
  %x = wl.input "image" : tensor<1x3x32x32xi8>
  // CHECK: %[[W:.*]] = wl.weight "c1.weight" : tensor<8x3x3x3xi8>
  %w = wl.weight "c1.weight" : tensor<8x3x3x3xi8>
  // CHECK: %c1 = wl.conv2d "c1" %image, %[[W]] stride [2, 2] pad [1, 1] dilation [1, 1] groups 1 : tensor<1x3x32x32xi8>, tensor<8x3x3x3xi8> -> tensor<1x8x16x16xi8>
  %c1 = wl.conv2d "c1" %x, %w stride [2, 2] pad [1, 1] dilation [1, 1] groups 1 : tensor<1x3x32x32xi8>, tensor<8x3x3x3xi8> -> tensor<1x8x16x16xi8>
  %dw_w = wl.weight "dw.weight" : tensor<8x1x3x3xi8>
  // CHECK: wl.depthwise_conv2d "dw" %c1, %{{.*}} stride [1, 1] pad [1, 1] dilation [2, 2] : tensor<1x8x16x16xi8>, tensor<8x1x3x3xi8> -> tensor<1x8x14x14xi8>
  %dw = wl.depthwise_conv2d "dw" %c1, %dw_w stride [1, 1] pad [1, 1] dilation [2, 2] : tensor<1x8x16x16xi8>, tensor<8x1x3x3xi8> -> tensor<1x8x14x14xi8>
  // CHECK: wl.unary relu "r" %dw : tensor<1x8x14x14xi8> -> tensor<1x8x14x14xi8>
  %r = wl.unary relu "r" %dw : tensor<1x8x14x14xi8> -> tensor<1x8x14x14xi8>
  // CHECK: wl.binary add "s" %r, %r : tensor<1x8x14x14xi8>, tensor<1x8x14x14xi8> -> tensor<1x8x14x14xi8>
  %s = wl.binary add "s" %r, %r : tensor<1x8x14x14xi8>, tensor<1x8x14x14xi8> -> tensor<1x8x14x14xi8>
  // CHECK: wl.pool max "p" %s kernel [2, 2] stride [2, 2] pad [0, 0] : tensor<1x8x14x14xi8> -> tensor<1x8x7x7xi8>
  %p = wl.pool max "p" %s kernel [2, 2] stride [2, 2] pad [0, 0] : tensor<1x8x14x14xi8> -> tensor<1x8x7x7xi8>
  // CHECK: wl.global_avgpool "g" %p : tensor<1x8x7x7xi8> -> tensor<1x8x1x1xi8>
  %g = wl.global_avgpool "g" %p : tensor<1x8x7x7xi8> -> tensor<1x8x1x1xi8>
  // CHECK: wl.flatten "f" %g : tensor<1x8x1x1xi8> -> tensor<1x8xi8>
  %f = wl.flatten "f" %g : tensor<1x8x1x1xi8> -> tensor<1x8xi8>
  // CHECK: wl.reshape "rs" %f : tensor<1x8xi8> -> tensor<2x4xi8>
  %rs = wl.reshape "rs" %f : tensor<1x8xi8> -> tensor<2x4xi8>
  // CHECK: wl.concat "cat" %rs, %rs axis 0 : tensor<2x4xi8>, tensor<2x4xi8> -> tensor<4x4xi8>
  %cat = wl.concat "cat" %rs, %rs axis 0 : tensor<2x4xi8>, tensor<2x4xi8> -> tensor<4x4xi8>
  %fcw = wl.weight "fc.weight" : tensor<4x10xi8>
  // CHECK: wl.matmul "fc" %cat, %{{.*}} : tensor<4x4xi8>, tensor<4x10xi8> -> tensor<4x10xi8>
  %fc = wl.matmul "fc" %cat, %fcw : tensor<4x4xi8>, tensor<4x10xi8> -> tensor<4x10xi8>
  // CHECK: wl.matmul "fct" %cat, %{{.*}} transpose_b : tensor<4x4xi8>, tensor<10x4xi8> -> tensor<4x10xi8>
  %fcwt = wl.weight "fct.weight" : tensor<10x4xi8>
  %fct = wl.matmul "fct" %cat, %fcwt transpose_b : tensor<4x4xi8>, tensor<10x4xi8> -> tensor<4x10xi8>
  %q = wl.input "q" : tensor<2x16x64xf16>
  %k = wl.input "k" : tensor<2x16x32xf16>
  // CHECK: wl.attention "attn" %q, %k, %k heads 4 kv_heads 2 head_dim 16 : tensor<2x16x64xf16>, tensor<2x16x32xf16>, tensor<2x16x32xf16> -> tensor<2x16x64xf16>
  %a = wl.attention "attn" %q, %k, %k heads 4 kv_heads 2 head_dim 16 : tensor<2x16x64xf16>, tensor<2x16x32xf16>, tensor<2x16x32xf16> -> tensor<2x16x64xf16>
  // CHECK: wl.batch_matmul "bmm" %q, %{{.*}} : tensor<2x16x64xf16>, tensor<2x64x8xf16> -> tensor<2x16x8xf16>
  %b = wl.input "b" : tensor<2x64x8xf16>
  %bmm = wl.batch_matmul "bmm" %q, %b : tensor<2x16x64xf16>, tensor<2x64x8xf16> -> tensor<2x16x8xf16>
  // CHECK: wl.softmax "sm" %bmm axis 2 : tensor<2x16x8xf16> -> tensor<2x16x8xf16>
  %sm = wl.softmax "sm" %bmm axis 2 : tensor<2x16x8xf16> -> tensor<2x16x8xf16>
  %t = wl.weight "emb.tables" : tensor<300x16xf32>
  // CHECK: wl.embedding_bag "emb" %{{.*}} batch 2 dim 16 rows [100, 200] pooling [4, 8] : tensor<300x16xf32> -> tensor<2x32xf32>
  %e = wl.embedding_bag "emb" %t batch 2 dim 16 rows [100, 200] pooling [4, 8] : tensor<300x16xf32> -> tensor<2x32xf32>
  // CHECK: wl.einsum "mm"(%cat, %{{.*}}) dims ["M", "N", "K"] bounds [4, 10, 4] reduce ["K"] maps [#map, #map1, #map2] combine mac macs 160 : (tensor<4x4xi8>, tensor<4x10xi8>) -> tensor<4x10xi8>
  %mm = wl.einsum "mm" (%cat, %fcw) dims ["M", "N", "K"] bounds [4, 10, 4] reduce ["K"]
      maps [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (k, n)>, affine_map<(m, n, k) -> (m, n)>]
      combine mac macs 160 : (tensor<4x4xi8>, tensor<4x10xi8>) -> tensor<4x10xi8>
  // CHECK: wl.einsum "gather"(%{{.*}}) dims ["B", "P", "D"] bounds [2, 4, 16] reduce ["P"] maps [#map3, #map] combine gather macs 0 bytes 512 : (tensor<300x16xf32>) -> tensor<2x16xf32>
  %gat = wl.einsum "gather" (%t) dims ["B", "P", "D"] bounds [2, 4, 16] reduce ["P"]
      maps [affine_map<(b, p, d) -> (p, d)>, affine_map<(b, p, d) -> (b, d)>]
      combine gather macs 0 bytes 512 : (tensor<300x16xf32>) -> tensor<2x16xf32>
  // CHECK: wl.conv2d "dyn" {{.*}} -> tensor<?x?x?x?xi8>
  %dyn = wl.conv2d "dyn" %x, %w stride [1, 1] pad [0, 0] dilation [1, 1] groups 1 : tensor<1x3x32x32xi8>, tensor<8x3x3x3xi8> -> tensor<?x?x?x?xi8>
}
