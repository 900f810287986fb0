// A matmul, a conv_2d_nchw_fchw and a linalg.generic import as einsums with the same MACs
// as the hand-written Inputs/small-hand.wl.
// RUN: tessel import %s -o %t.wl 2>&1 | count 0
// RUN: tessel check %t.wl | FileCheck %s --check-prefix=IMPORTED
// RUN: tessel check %t.wl | grep "total MACs" > %t.imported
// RUN: tessel check %S/Inputs/small-hand.wl | grep "total MACs" > %t.hand
// RUN: diff %t.imported %t.hand
// RUN: FileCheck %s --check-prefix=WL < %t.wl

// WL: workload linalg_import {
// WL: tensor small_arg0[8, 16] fp32;
// WL: matmul: matmul_out[d0, d1] += small_arg0[d0, d2] * small_arg1[d2, d1] for d0 < 8, d1 < 32, d2 < 16;
// WL: conv_2d_nchw_fchw: conv_2d_nchw_fchw_out[d0, d1, d2, d3] += small_arg2[d0, d4, d2 + d5, d3 + d6] * small_arg3[d1, d4, d5, d6] for d0 < 1, d1 < 4, d2 < 8, d3 < 8, d4 < 3, d5 < 3, d6 < 3;
// WL: generic: generic_out[d0] += matmul_out[d0, d1] * small_arg4[d1] for d0 < 8, d1 < 32;

// IMPORTED: matmul {{.*}} 4,096
// IMPORTED: conv_2d_nchw_fchw {{.*}} 6,912
// IMPORTED: generic {{.*}} 256
// IMPORTED: total MACs: 11,264

func.func @small(%a: tensor<8x16xf32>, %b: tensor<16x32xf32>, %x: tensor<1x3x10x10xf32>,
                 %w: tensor<4x3x3x3xf32>, %v: tensor<32xf32>) -> (tensor<8x32xf32>, tensor<1x4x8x8xf32>, tensor<8xf32>) {
  %zero = arith.constant 0.0 : f32
  %e0 = tensor.empty() : tensor<8x32xf32>
  %i0 = linalg.fill ins(%zero : f32) outs(%e0 : tensor<8x32xf32>) -> tensor<8x32xf32>
  %mm = linalg.matmul ins(%a, %b : tensor<8x16xf32>, tensor<16x32xf32>) outs(%i0 : tensor<8x32xf32>) -> tensor<8x32xf32>
  %e1 = tensor.empty() : tensor<1x4x8x8xf32>
  %conv = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %w : tensor<1x3x10x10xf32>, tensor<4x3x3x3xf32>) outs(%e1 : tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  %e2 = tensor.empty() : tensor<8xf32>
  %gemv = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (j)>, affine_map<(i, j) -> (i)>],
                          iterator_types = ["parallel", "reduction"]}
      ins(%mm, %v : tensor<8x32xf32>, tensor<32xf32>) outs(%e2 : tensor<8xf32>) {
  ^bb0(%p: f32, %q: f32, %acc: f32):
    %m = arith.mulf %p, %q : f32
    %s = arith.addf %acc, %m : f32
    linalg.yield %s : f32
  } -> tensor<8xf32>
  return %mm, %conv, %gemv : tensor<8x32xf32>, tensor<1x4x8x8xf32>, tensor<8xf32>
}
