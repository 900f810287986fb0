// RUN: not tessel check %s 2>&1 | FileCheck %s
workload w {
  let N = 1;
  tensor x[N, 16, 8, 8] int8;
  tensor A[4, 8] int8;
  s: Y[i] = A[i, k] for i < 4, k < 8;
}
// CHECK: {{.*}}einsum-reduction-assign.wl:6:6: error: index 'k' does not appear in the output, so it is a reduction: use '+='
// CHECK: 1 error generated.
