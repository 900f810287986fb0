// RUN: not tessel check %s 2>&1 | FileCheck %s
workload w {
  let N = 1;
  tensor x[N, 16, 8, 8] int8;
  tensor t[4, 0 - 2] int8;
}
// CHECK: {{.*}}negative-dim.wl:5:15: error: tensor dimension must be positive, got -2
// CHECK: 1 error generated.
