// RUN: not tessel check %s 2>&1 | FileCheck %s
workload w {
  let N = 1;
  tensor x[N, 16, 8, 8] int8;
  tensor A[4, 8] int8;
  tensor B[8, 3] int8;
  mm: Y[i, j] += A[i, k] * B[k, j] for i < 4, j < 3;
}
// CHECK: {{.*}}einsum-unbound.wl:7:23: error: unbound index 'k'
// CHECK: hint: add a range for it: 'for k < N'
// CHECK: {{.*}}einsum-unbound.wl:7:30: error: unbound index 'k'
// CHECK: hint: add a range for it: 'for k < N'
// CHECK: 2 errors generated.
