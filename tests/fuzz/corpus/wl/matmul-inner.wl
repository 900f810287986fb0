// RUN: not tessel check %s 2>&1 | FileCheck %s
workload w {
  let N = 1;
  tensor x[N, 16, 8, 8] int8;
  tensor m[4, 7] int8;
  tensor k[8, 3] int8;
  y = matmul(m, k);
}
// CHECK: {{.*}}matmul-inner.wl:7:17: error: inner dimensions do not match: 'm' [4, 7] times 'k' [8, 3]
// CHECK: 1 error generated.
