// RUN: tessel-opt %s --pass-pipeline='builtin.module(wl.graph(wl-infer-shapes))' -split-input-file -verify-diagnostics | FileCheck %s

// CHECK-LABEL: wl.graph @g
// CHECK: wl.conv2d "c" {{.*}} -> tensor<1x8x16x16xi8>
// CHECK: wl.unary relu "r" {{.*}} : tensor<1x8x16x16xi8> -> tensor<1x8x16x16xi8>
// CHECK: wl.flatten "f" {{.*}} -> tensor<1x2048xi8>
// CHECK: wl.concat "cat" {{.*}} -> tensor<1x4096xi8>
// CHECK: wl.einsum "sum"{{.*}} -> tensor<1x8xi8>
wl.graph @g {
  %x = wl.input "x" : tensor<1x3x32x32xi8>
  %w = wl.weight "w" : tensor<8x3x3x3xi8>
  %c = wl.conv2d "c" %x, %w stride [2, 2] pad [1, 1] dilation [1, 1] groups 1 : tensor<1x3x32x32xi8>, tensor<8x3x3x3xi8> -> tensor<?x?x?x?xi8>
  %r = wl.unary relu "r" %c : tensor<?x?x?x?xi8> -> tensor<?x?x?x?xi8>
  %f = wl.flatten "f" %r : tensor<?x?x?x?xi8> -> tensor<?x?xi8>
  %cat = wl.concat "cat" %f, %f axis 1 : tensor<?x?xi8>, tensor<?x?xi8> -> tensor<?x?xi8>
  %s = wl.einsum "sum" (%r) dims ["N", "K", "P", "Q"] bounds [1, 8, 16, 16] reduce ["P", "Q"]
      maps [affine_map<(n, k, p, q) -> (n, k, p, q)>, affine_map<(n, k, p, q) -> (n, k)>]
      combine sum macs 0 : (tensor<?x?x?x?xi8>) -> tensor<?x?xi8>
}

// -----

wl.graph @bad {
  %a = wl.input "a" : tensor<4x8xi8>
  %b = wl.input "b" : tensor<2x8xi8>
  %s = wl.unary relu "s" %b : tensor<2x8xi8> -> tensor<?x?xi8>
  // expected-error @+1 {{needs equal shapes, got [4, 8] and [2, 8]}}
  %m = wl.binary add "m" %a, %s : tensor<4x8xi8>, tensor<?x?xi8> -> tensor<?x?xi8>
}
