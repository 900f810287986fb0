// RUN: tessel-opt %s -canonicalize | FileCheck %s

// A reshape to its input's type and an identity fold away; graph ops are not dead code.
// CHECK-LABEL: wl.graph @g
// CHECK-NEXT: %x = wl.input "x"
// CHECK-NEXT: %r = wl.unary relu "r" %x
// CHECK-NEXT: wl.unary relu "s" %r
// CHECK-NEXT: wl.unary identity "cast" %r : tensor<2x4xi8> -> tensor<2x4xf32>
// CHECK-NEXT: }
wl.graph @g {
  %x = wl.input "x" : tensor<2x4xi8>
  %same = wl.reshape "same" %x : tensor<2x4xi8> -> tensor<2x4xi8>
  %r = wl.unary relu "r" %same : tensor<2x4xi8> -> tensor<2x4xi8>
  %id = wl.unary identity "id" %r : tensor<2x4xi8> -> tensor<2x4xi8>
  %s = wl.unary relu "s" %id : tensor<2x4xi8> -> tensor<2x4xi8>
  %cast = wl.unary identity "cast" %r : tensor<2x4xi8> -> tensor<2x4xf32>
}
