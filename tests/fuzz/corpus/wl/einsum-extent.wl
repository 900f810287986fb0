// RUN: not tessel check %s 2>&1 | FileCheck %s
workload w {
  let N = 1;
  tensor x[N, 16, 8, 8] int8;
  tensor A[4, 8] int8;
  tensor B[8, 3] int8;
  mm: Y[i, j] += A[i, k] * B[k, j] for i < 4, j < 3, k < 6;
}
// CHECK: {{.*}}einsum-extent.wl:7:23: error: index 1 of 'A' spans [0, 5] but that dimension has size 8
// CHECK: hint: shapes of producer and consumer must agree
// CHECK: {{.*}}einsum-extent.wl:7:30: error: index 0 of 'B' spans [0, 5] but that dimension has size 8
// CHECK: hint: shapes of producer and consumer must agree
// CHECK: 2 errors generated.
