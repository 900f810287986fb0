// RUN: not tessel check %s 2>&1 | FileCheck %s
workload w {
  let N = 1;
  tensor x[N, 16, 8, 8] int8;
  tensor A[4, 8] int8;
  mm: Y[i, z] += A[i, k] for i < 4, k < 8;
}
// CHECK: {{.*}}einsum-output.wl:6:12: error: output index 'z' is not bound by a range
// CHECK: hint: add 'for z < N'
// CHECK: 1 error generated.
