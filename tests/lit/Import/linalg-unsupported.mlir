// Ops that are not einsums are located warnings and listed in a summary; --strict makes
// them errors. Their results become input tensors so that consumers still import.
// RUN: tessel import %s 2>&1 >/dev/null | FileCheck %s
// RUN: tessel import %s 2>/dev/null | FileCheck %s --check-prefix=WL
// RUN: not tessel import --strict %s 2>&1 | FileCheck %s --check-prefix=STRICT

func.func @f(%a: tensor<4x8xf32>, %b: tensor<8x2xf32>) -> tensor<4x2xf32> {
  %sum = arith.addf %a, %a : tensor<4x8xf32>
  %e = tensor.empty() : tensor<4x8xf32>
  %relu = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>],
                          iterator_types = ["parallel", "parallel"]}
      ins(%sum : tensor<4x8xf32>) outs(%e : tensor<4x8xf32>) {
  ^bb0(%p: f32, %acc: f32):
    %z = arith.constant 0.0 : f32
    %c = arith.cmpf ogt, %p, %z : f32
    %r = arith.select %c, %p, %z : f32
    linalg.yield %r : f32
  } -> tensor<4x8xf32>
  %e2 = tensor.empty() : tensor<4x2xf32>
  %mm = linalg.matmul ins(%relu, %b : tensor<4x8xf32>, tensor<8x2xf32>) outs(%e2 : tensor<4x2xf32>) -> tensor<4x2xf32>
  return %mm : tensor<4x2xf32>
}
// CHECK: linalg-unsupported.mlir:8:10: warning: skipping 'arith.addf': not a linalg operation with indexing maps
// CHECK-NEXT: %sum = arith.addf %a, %a : tensor<4x8xf32>
// CHECK-NEXT: ^
// CHECK: linalg-unsupported.mlir:10:11: warning: skipping 'linalg.generic': its body is not a multiply-accumulate, max or sum
// CHECK: tessel import: 2 unsupported operations skipped: arith.addf (1) linalg.generic (1)

// WL: tensor generic[4, 8] fp32;
// WL: matmul: matmul_out[d0, d1] += generic[d0, d2] * f_arg1[d2, d1] for d0 < 4, d1 < 2, d2 < 8;

// STRICT: linalg-unsupported.mlir:8:10: error: cannot import 'arith.addf': not a linalg operation with indexing maps
// STRICT: tessel import: 2 unsupported operations:
