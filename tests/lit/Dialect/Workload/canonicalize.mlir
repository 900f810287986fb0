// RUN: tessel-opt %s -canonicalize | FileCheck %s

// A reshape to its input's type folds away; graph ops are not dead code.
// CHECK-LABEL: wl.graph @g
// CHECK-NEXT: %x = wl.input "x"
// CHECK-NEXT: wl.unary relu "r" %x
// CHECK-NEXT: }
wl.graph @g {
  %x = wl.input "x" : tensor<2x4xi8>
  %same = wl.reshape "same" %x : tensor<2x4xi8> -> tensor<2x4xi8>
  %r = wl.unary relu "r" %same : tensor<2x4xi8> -> tensor<2x4xi8>
}
