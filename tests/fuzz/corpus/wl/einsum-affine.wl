// RUN: not tessel check %s 2>&1 | FileCheck %s
workload w {
  let N = 1;
  tensor x[N, 16, 8, 8] int8;
  tensor A[4, 8] int8;
  s: Y[i] += A[i, k * k] for i < 4, k < 8;
}
// CHECK: {{.*}}einsum-affine.wl:6:19: error: index expression is not affine: it multiplies two loop indices
// CHECK: 1 error generated.
